package com.wallet.stripeemulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Payouts: {@code pending}, then {@code paid} after {@code emulator.settle-delay}; may fail even after paid. */
@Component
class Payouts {

    private final ObjectStore store;
    private final Webhooks webhooks;
    private final ScheduledExecutorService scheduler;
    private final EmulatorProperties properties;

    Payouts(ObjectStore store, Webhooks webhooks, ScheduledExecutorService scheduler, EmulatorProperties properties) {
        this.store = store;
        this.webhooks = webhooks;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    Map<String, Object> create(Params params) {
        long amount = params.requiredAmount("amount");
        String currency = params.currency();
        Map<String, Object> po = store.create("payout", "po");
        synchronized (po) {
            po.put("amount", amount);
            po.put("currency", currency);
            po.put("description", params.string("description"));
            po.put("destination", params.string("destination"));
            po.put("failure_code", null);
            po.put("failure_message", null);
            po.put("metadata", params.metadata());
            po.put("method", params.string("method") == null ? "standard" : params.string("method"));
            po.put("status", "pending");
        }
        scheduler.schedule(() -> pay(po), properties.settleDelay().toMillis(), TimeUnit.MILLISECONDS);
        return po;
    }

    Map<String, Object> retrieve(String id) {
        return store.get("payout", id);
    }

    /** Fails a pending or paid payout, as a bank may days after paying it. */
    Map<String, Object> fail(String id, String failureCode) {
        Map<String, Object> po = retrieve(id);
        synchronized (po) {
            if (!"pending".equals(po.get("status")) && !"paid".equals(po.get("status"))) {
                throw StripeException.unexpectedState("payout", (String) po.get("status"));
            }
            po.put("status", "failed");
            po.put("failure_code", failureCode == null ? "account_closed" : failureCode);
            po.put("failure_message", "The bank account has been closed.");
            webhooks.publish("payout.failed", po);
            return po;
        }
    }

    /** After a restart: pending payouts are paid when their delay is over, overdue ones now. */
    int resumePayments() {
        List<Map<String, Object>> pending = store.list("payout").stream()
                .filter(po -> "pending".equals(po.get("status"))).toList();
        pending.forEach(po -> scheduler.schedule(() -> pay(po),
                ObjectStore.millisUntil(po, properties.settleDelay()), TimeUnit.MILLISECONDS));
        return pending.size();
    }

    private void pay(Map<String, Object> po) {
        synchronized (po) {
            if ("pending".equals(po.get("status"))) {
                po.put("status", "paid");
                webhooks.publish("payout.paid", po);
            }
        }
    }
}
