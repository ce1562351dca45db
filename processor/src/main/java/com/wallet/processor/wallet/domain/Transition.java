package com.wallet.processor.wallet.domain;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One decided change of a transaction: the one value every path that changes a transaction or moves
 * its money returns (transfers, deposits, withdrawals, Stripe events, reconcilers, dead letters),
 * and the one thing the database applies, with its outbox event derived from it. The status moves
 * {@code from -> to} only where the row still has one of {@code from} (and, when {@code stripe} is
 * set, the recorded Stripe object matches); the postings (none when no money moves) give the
 * balance deltas; {@code activeWalletsOnly} makes the balance update refuse a frozen wallet.
 *
 * <p>A movement ({@link #moved}: a refund, a dispute, a partial reversal) is a transition whose
 * status stays what it was read as ({@code from == {to}}): no status is written and nothing is
 * conditional, the postings and the event are, the event repeating the status.
 */
public record Transition(UUID transactionId, String currency, Set<TransactionStatus> from, TransactionStatus to,
                         FailureReason reason, Postings postings, boolean activeWalletsOnly, StripeObject stripe) {

    private static final Set<TransactionStatus> OPEN = EnumSet.of(TransactionStatus.PENDING, TransactionStatus.PROCESSING);

    public Transition {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(to, "to");
        if (from == null || from.isEmpty()) {
            throw new IllegalArgumentException("a transition starts from at least one status");
        }
        from = Set.copyOf(from);
        if ((to == TransactionStatus.FAILED) != (reason != null)) {
            throw new IllegalArgumentException("exactly a FAILED transition has a reason");
        }
        if (from.equals(Set.of(to)) && (postings == null || stripe != null)) {
            throw new IllegalArgumentException("a movement without a status change moves money and names no object");
        }
    }

    /** A status change that moves no money, conditional on the status only. */
    public static Transition status(UUID transactionId, String currency, Set<TransactionStatus> from,
                                    TransactionStatus to, FailureReason reason) {
        return new Transition(transactionId, currency, from, to, reason, null, true, null);
    }

    /** A PENDING transfer completes with its postings (both wallets active). */
    public static Transition completed(UUID transactionId, String currency, Postings postings) {
        return new Transition(transactionId, currency, Set.of(TransactionStatus.PENDING), TransactionStatus.COMPLETED,
                null, Objects.requireNonNull(postings, "postings"), true, null);
    }

    /** A PENDING transaction fails without moving money. */
    public static Transition failed(UUID transactionId, String currency, FailureReason reason) {
        return status(transactionId, currency, Set.of(TransactionStatus.PENDING), TransactionStatus.FAILED, reason);
    }

    /** An open (PENDING or PROCESSING) deposit fails without moving money. */
    public static Transition depositFailed(UUID transactionId, String currency, FailureReason reason) {
        return status(transactionId, currency, OPEN, TransactionStatus.FAILED, reason);
    }

    /** A PENDING deposit is at Stripe. */
    public static Transition depositProcessing(UUID transactionId, String currency) {
        return status(transactionId, currency, Set.of(TransactionStatus.PENDING), TransactionStatus.PROCESSING, null);
    }

    /** A PENDING withdrawal debits its (active) wallet and goes to Stripe. */
    public static Transition withdrawalDebited(UUID transactionId, String currency, Postings postings) {
        return new Transition(transactionId, currency, Set.of(TransactionStatus.PENDING), TransactionStatus.PROCESSING,
                null, Objects.requireNonNull(postings, "postings"), true, null);
    }

    /**
     * An open deposit whose PaymentIntent succeeded is credited (a frozen wallet too: Stripe has the
     * money), only for the recorded PaymentIntent, or the first one recorded now.
     */
    public static Transition depositSettled(UUID transactionId, UUID walletId, com.wallet.common.money.Money amount,
                                            String paymentIntentId) {
        return new Transition(transactionId, amount.currency().value(), OPEN, TransactionStatus.COMPLETED, null,
                WalletRules.depositSettlement(amount.minor(), walletId), false, StripeObject.paymentIntent(paymentIntentId));
    }

    /** A PROCESSING withdrawal's Transfer exists: COMPLETED with it (the wallet was debited already). */
    public static Transition payoutCompleted(UUID transactionId, String currency, String transferId) {
        return new Transition(transactionId, currency, Set.of(TransactionStatus.PROCESSING), TransactionStatus.COMPLETED,
                null, null, true, StripeObject.transfer(transferId));
    }

    /** Money moved, the status stays {@code status} (as read) and so does its reason. */
    public static Transition moved(UUID transactionId, String currency, TransactionStatus status, FailureReason reason,
                                   Postings postings) {
        return new Transition(transactionId, currency, Set.of(status), status, reason,
                Objects.requireNonNull(postings, "postings"), false, null);
    }

    public boolean movesMoney() {
        return postings != null;
    }

    /** False for a movement: the status is not written, and nothing is conditional. */
    public boolean changesStatus() {
        return !from.equals(Set.of(to));
    }

    /**
     * The net balance change per wallet over {@code transitions}, zero changes left out, in first-touched
     * order: one guarded update per wallet per batch instead of one per posting.
     */
    public static Map<UUID, Long> netBalanceChanges(List<Transition> transitions) {
        Map<UUID, Long> net = new LinkedHashMap<>();
        for (Transition t : transitions) {
            if (!t.movesMoney()) {
                continue;
            }
            for (Posting p : t.postings().entries()) {
                if (p.account() == Account.WALLET) {
                    net.merge(p.walletId(), p.amount(), Math::addExact);
                }
            }
        }
        net.values().removeIf(change -> change == 0);
        return net;
    }
}
