package com.wallet.stripeemulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * PaymentIntents and their charges, refunds and disputes, behaving like Stripe's test payment
 * methods: {@code pm_card_visa} succeeds, the {@code pm_card_chargeDeclined*} family declines with
 * a 402, {@code pm_card_threeDSecure2Required} requires action, {@code pm_usBankAccount} is
 * {@code processing} and succeeds after {@code emulator.settle-delay} ({@code pm_usBankAccount_accountClosed}
 * fails then with {@code account_closed}).
 */
@Component
class PaymentIntents {

    /** Declining test cards: payment method -> {code, decline_code}. */
    private static final Map<String, String[]> DECLINES = Map.of(
            "pm_card_chargeDeclined", new String[] {"card_declined", "generic_decline"},
            "pm_card_chargeDeclinedInsufficientFunds", new String[] {"card_declined", "insufficient_funds"},
            "pm_card_chargeDeclinedLostCard", new String[] {"card_declined", "lost_card"},
            "pm_card_chargeDeclinedStolenCard", new String[] {"card_declined", "stolen_card"},
            "pm_card_chargeDeclinedExpiredCard", new String[] {"expired_card", null},
            "pm_card_chargeDeclinedIncorrectCvc", new String[] {"incorrect_cvc", null},
            "pm_card_chargeDeclinedProcessingError", new String[] {"processing_error", null});
    private static final List<String> SUCCEEDING = List.of("pm_card_visa", "pm_card_mastercard", "pm_card_amex");
    private static final String THREE_D_SECURE = "pm_card_threeDSecure2Required";
    private static final String BANK_DEBIT = "pm_usBankAccount";
    /** A bank debit that is processing, then fails after the settle delay (the account was closed). */
    private static final String BANK_DEBIT_FAILING = "pm_usBankAccount_accountClosed";

    private final ObjectStore store;
    private final Webhooks webhooks;
    private final ScheduledExecutorService scheduler;
    private final EmulatorProperties properties;

    PaymentIntents(ObjectStore store, Webhooks webhooks, ScheduledExecutorService scheduler,
                   EmulatorProperties properties) {
        this.store = store;
        this.webhooks = webhooks;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    Map<String, Object> create(Params params) {
        long amount = params.requiredAmount("amount");
        String currency = params.currency();
        String paymentMethod = params.string("payment_method");
        checkPaymentMethod(paymentMethod);
        Map<String, Object> pi = store.create("payment_intent", "pi");
        synchronized (pi) {
            pi.put("amount", amount);
            pi.put("amount_received", 0L);
            pi.put("currency", currency);
            pi.put("client_secret", pi.get("id") + "_secret_" + Ids.next("cs").substring(3));
            pi.put("description", params.string("description"));
            pi.put("last_payment_error", null);
            pi.put("latest_charge", null);
            pi.put("metadata", params.metadata());
            pi.put("next_action", null);
            pi.put("payment_method", paymentMethod);
            pi.put("payment_method_types", List.of(isBankDebit(paymentMethod) ? "us_bank_account" : "card"));
            pi.put("status", paymentMethod == null ? "requires_payment_method" : "requires_confirmation");
            pi.put("cancellation_reason", null);
            if (params.flag("confirm")) {
                return confirm(pi, paymentMethod);
            }
            return pi;
        }
    }

    Map<String, Object> confirm(String id, Params params) {
        Map<String, Object> pi = store.get("payment_intent", id);
        synchronized (pi) {
            String status = (String) pi.get("status");
            if (!status.equals("requires_confirmation") && !status.equals("requires_payment_method")) {
                throw StripeException.unexpectedState("payment_intent", status);
            }
            String paymentMethod = params.string("payment_method");
            checkPaymentMethod(paymentMethod);
            paymentMethod = paymentMethod == null ? (String) pi.get("payment_method") : paymentMethod;
            if (paymentMethod == null) {
                throw StripeException.invalid("payment_intent_unexpected_state", "payment_method",
                        "You cannot confirm this PaymentIntent because it's missing a payment method.");
            }
            return confirm(pi, paymentMethod);
        }
    }

    Map<String, Object> retrieve(String id) {
        return store.get("payment_intent", id);
    }

    Map<String, Object> cancel(String id, Params params) {
        Map<String, Object> pi = store.get("payment_intent", id);
        synchronized (pi) {
            String status = (String) pi.get("status");
            if (List.of("succeeded", "canceled", "processing").contains(status)) {
                throw StripeException.unexpectedState("payment_intent", status);
            }
            pi.put("status", "canceled");
            pi.put("next_action", null);
            pi.put("cancellation_reason", params.string("cancellation_reason"));
            webhooks.publish("payment_intent.canceled", pi);
            return pi;
        }
    }

    /** Completes or fails the 3-D Secure step of a PaymentIntent in {@code requires_action}. */
    Map<String, Object> authenticate(String id, boolean success) {
        Map<String, Object> pi = store.get("payment_intent", id);
        synchronized (pi) {
            if (!"requires_action".equals(pi.get("status"))) {
                throw StripeException.unexpectedState("payment_intent", (String) pi.get("status"));
            }
            pi.put("next_action", null);
            if (success) {
                succeed(pi);
            } else {
                fail(pi, "payment_intent_authentication_failure", null);
            }
            return pi;
        }
    }

    Map<String, Object> refund(Map<String, Object> charge, Long requested, Map<String, Object> metadata) {
        synchronized (charge) {
            long amount = (Long) charge.get("amount");
            long refunded = (Long) charge.get("amount_refunded");
            long refund = requested == null ? amount - refunded : requested;
            if (!"succeeded".equals(charge.get("status")) || refund <= 0 || refunded + refund > amount) {
                throw StripeException.invalid(refunded >= amount ? "charge_already_refunded" : "amount_too_large",
                        "amount", "Refund amount is greater than the unrefunded amount on the charge.");
            }
            Map<String, Object> re = store.create("refund", "re");
            re.put("amount", refund);
            re.put("charge", charge.get("id"));
            re.put("currency", charge.get("currency"));
            re.put("metadata", metadata);
            re.put("payment_intent", charge.get("payment_intent"));
            re.put("status", "succeeded");
            charge.put("amount_refunded", refunded + refund);
            charge.put("refunded", refunded + refund == amount);
            webhooks.publish("charge.refunded", charge);
            return re;
        }
    }

    Map<String, Object> dispute(Map<String, Object> charge, Long requested, String reason) {
        synchronized (charge) {
            if (!"succeeded".equals(charge.get("status")) || Boolean.TRUE.equals(charge.get("disputed"))) {
                throw StripeException.invalid("charge_disputed", null, "This charge cannot be disputed.");
            }
            Map<String, Object> du = store.create("dispute", "du");
            du.put("amount", requested == null ? charge.get("amount") : requested);
            du.put("charge", charge.get("id"));
            du.put("currency", charge.get("currency"));
            du.put("metadata", Map.of());
            du.put("payment_intent", charge.get("payment_intent"));
            du.put("reason", reason == null ? "fraudulent" : reason);
            du.put("status", "needs_response");
            charge.put("disputed", true);
            webhooks.publish("charge.dispute.created", du);
            return du;
        }
    }

    /**
     * Closes an open dispute as Stripe does when the card network decides: {@code charge.dispute.closed}
     * with the outcome, and on a win {@code charge.dispute.funds_reinstated} for the same money.
     */
    Map<String, Object> closeDispute(String id, String outcome) {
        if (!"won".equals(outcome) && !"lost".equals(outcome)) {
            throw new IllegalArgumentException("status must be won or lost");
        }
        Map<String, Object> du = store.get("dispute", id);
        synchronized (du) {
            if (!List.of("warning_needs_response", "needs_response", "under_review").contains((String) du.get("status"))) {
                throw StripeException.unexpectedState("dispute", (String) du.get("status"));
            }
            du.put("status", outcome);
            webhooks.publish("charge.dispute.closed", du);
            if ("won".equals(outcome)) {
                webhooks.publish("charge.dispute.funds_reinstated", du);
            }
            return du;
        }
    }

    Map<String, Object> charge(String id) {
        return store.get("charge", id);
    }

    Map<String, Object> chargeOf(String paymentIntentId) {
        Object chargeId = retrieve(paymentIntentId).get("latest_charge");
        if (chargeId == null) {
            throw StripeException.invalid("charge_not_found", "payment_intent",
                    "PaymentIntent " + paymentIntentId + " has no successful charge.");
        }
        return store.get("charge", (String) chargeId);
    }

    private Map<String, Object> confirm(Map<String, Object> pi, String paymentMethod) {
        pi.put("payment_method", paymentMethod);
        pi.put("last_payment_error", null);
        if (SUCCEEDING.contains(paymentMethod)) {
            succeed(pi);
        } else if (THREE_D_SECURE.equals(paymentMethod)) {
            pi.put("status", "requires_action");
            pi.put("next_action", Map.of("type", "use_stripe_sdk",
                    "use_stripe_sdk", Map.of("type", "three_d_secure_redirect", "stripe_js", "")));
            webhooks.publish("payment_intent.requires_action", pi);
        } else if (isBankDebit(paymentMethod)) {
            pi.put("status", "processing");
            webhooks.publish("payment_intent.processing", pi);
            scheduler.schedule(() -> settle(pi), properties.settleDelay().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            String[] decline = DECLINES.get(paymentMethod);
            fail(pi, decline[0], decline[1]);
            throw StripeException.declined(decline[0], decline[1], pi);
        }
        return pi;
    }

    /** After a restart: bank debits still processing settle when their delay is over, overdue ones now. */
    int resumeSettlements() {
        List<Map<String, Object>> processing = store.list("payment_intent").stream()
                .filter(pi -> "processing".equals(pi.get("status"))).toList();
        processing.forEach(pi -> scheduler.schedule(() -> settle(pi),
                ObjectStore.millisUntil(pi, properties.settleDelay()), TimeUnit.MILLISECONDS));
        return processing.size();
    }

    private void settle(Map<String, Object> pi) {
        synchronized (pi) {
            if ("processing".equals(pi.get("status")) && BANK_DEBIT_FAILING.equals(pi.get("payment_method"))) {
                fail(pi, "account_closed", null);
            } else if ("processing".equals(pi.get("status"))) {
                succeed(pi);
            }
        }
    }

    private void succeed(Map<String, Object> pi) {
        Map<String, Object> charge = charge(pi, "succeeded");
        pi.put("status", "succeeded");
        pi.put("amount_received", pi.get("amount"));
        pi.put("latest_charge", charge.get("id"));
        webhooks.publish("payment_intent.succeeded", pi);
    }

    private void fail(Map<String, Object> pi, String code, String declineCode) {
        Map<String, Object> charge = code.startsWith("payment_intent") ? null : charge(pi, "failed");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", charge == null ? "invalid_request_error" : "card_error");
        error.put("code", code);
        error.put("decline_code", declineCode);
        error.put("message", charge == null ? "Authentication failed." : "Your card was declined.");
        error.put("charge", charge == null ? null : charge.get("id"));
        error.put("payment_method", Map.of("id", pi.get("payment_method"), "object", "payment_method"));
        pi.put("status", "requires_payment_method");
        pi.put("last_payment_error", error);
        if (charge != null) {
            pi.put("latest_charge", charge.get("id"));
            charge.put("failure_code", code);
        }
        webhooks.publish("payment_intent.payment_failed", pi);
    }

    private Map<String, Object> charge(Map<String, Object> pi, String status) {
        Map<String, Object> charge = store.create("charge", "ch");
        charge.put("amount", pi.get("amount"));
        charge.put("amount_refunded", 0L);
        charge.put("currency", pi.get("currency"));
        charge.put("disputed", false);
        charge.put("failure_code", null);
        charge.put("metadata", pi.get("metadata"));
        charge.put("paid", status.equals("succeeded"));
        charge.put("payment_intent", pi.get("id"));
        charge.put("payment_method", pi.get("payment_method"));
        charge.put("refunded", false);
        charge.put("status", status);
        return charge;
    }

    private static void checkPaymentMethod(String paymentMethod) {
        if (paymentMethod != null && !SUCCEEDING.contains(paymentMethod) && !DECLINES.containsKey(paymentMethod)
                && !THREE_D_SECURE.equals(paymentMethod) && !isBankDebit(paymentMethod)) {
            throw StripeException.invalid("resource_missing", "payment_method",
                    "No such PaymentMethod: '" + paymentMethod + "'");
        }
    }

    private static boolean isBankDebit(String paymentMethod) {
        return BANK_DEBIT.equals(paymentMethod) || BANK_DEBIT_FAILING.equals(paymentMethod);
    }
}
