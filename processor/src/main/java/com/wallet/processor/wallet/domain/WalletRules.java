package com.wallet.processor.wallet.domain;

import com.wallet.common.messaging.FailureReason;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The money rules (contract section 6) as plain Java: what a transfer, a withdrawal, a settled
 * deposit or a charge-back does to the ledger, given the wallets' state read inside the
 * database transaction that applies it.
 */
public final class WalletRules {

    private WalletRules() {
    }

    /** A transfer: source must be active and hold the amount, destination must be active. */
    public static Decision transfer(long amount, String currency, WalletState source, WalletState destination) {
        requirePositive(amount);
        if (source.id().equals(destination.id())) {
            throw new IllegalArgumentException("a transfer needs two different wallets");
        }
        if (!source.active() || !destination.active()) {
            return new Decision.Rejected(FailureReason.WALLET_INACTIVE);
        }
        if (!source.currency().equals(currency) || !destination.currency().equals(currency)) {
            // The gateway refuses CURRENCY_MISMATCH synchronously; a command that still disagrees
            // with the wallets is not applied.
            throw new IllegalArgumentException("transfer currency does not match the wallets");
        }
        if (source.balance() < amount) {
            return new Decision.Rejected(FailureReason.INSUFFICIENT_FUNDS);
        }
        return new Decision.Accepted(Postings.of(
                Posting.wallet(source.id(), -amount, EntryKind.TRANSFER),
                Posting.wallet(destination.id(), amount, EntryKind.TRANSFER)));
    }

    /** A withdrawal debits the wallet against the Stripe clearing account before the payout. */
    public static Decision withdrawal(long amount, String currency, WalletState wallet) {
        requirePositive(amount);
        if (!wallet.active()) {
            return new Decision.Rejected(FailureReason.WALLET_INACTIVE);
        }
        if (!wallet.currency().equals(currency)) {
            throw new IllegalArgumentException("withdrawal currency does not match the wallet");
        }
        if (wallet.balance() < amount) {
            return new Decision.Rejected(FailureReason.INSUFFICIENT_FUNDS);
        }
        return new Decision.Accepted(Postings.of(
                Posting.wallet(wallet.id(), -amount, EntryKind.WITHDRAWAL),
                Posting.clearing(amount, EntryKind.WITHDRAWAL)));
    }

    /** A payout that failed or was reversed: the wallet gets the amount back. */
    public static Postings withdrawalReversal(long amount, UUID walletId) {
        requirePositive(amount);
        return Postings.of(
                Posting.wallet(walletId, amount, EntryKind.WITHDRAWAL_REVERSAL),
                Posting.clearing(-amount, EntryKind.WITHDRAWAL_REVERSAL));
    }

    /** A deposit whose payment succeeded credits the wallet against the Stripe clearing account. */
    public static Postings depositSettlement(long amount, UUID walletId) {
        requirePositive(amount);
        return Postings.of(
                Posting.wallet(walletId, amount, EntryKind.DEPOSIT),
                Posting.clearing(-amount, EntryKind.DEPOSIT));
    }

    /**
     * A refund or dispute takes {@code amount} back from the wallet, never below zero: what the
     * balance cannot cover is posted to SHORTFALL so the postings still sum to zero.
     */
    public static ChargeBack chargeBack(long amount, WalletState wallet, EntryKind kind) {
        requirePositive(amount);
        if (kind != EntryKind.REFUND && kind != EntryKind.DISPUTE) {
            throw new IllegalArgumentException("a charge-back is a REFUND or a DISPUTE");
        }
        long recovered = Math.min(Math.max(wallet.balance(), 0), amount);
        long shortfall = amount - recovered;
        List<Posting> entries = new ArrayList<>();
        entries.add(Posting.clearing(amount, kind));
        if (recovered > 0) {
            entries.add(Posting.wallet(wallet.id(), -recovered, kind));
        }
        if (shortfall > 0) {
            entries.add(Posting.shortfall(-shortfall));
        }
        return new ChargeBack(recovered, shortfall, new Postings(entries));
    }

    /**
     * Money a charge-back took comes back (a dispute reinstated): what the wallet could not pay at
     * the time ({@code openShortfall}) is covered first, the rest goes to the wallet.
     */
    public static Postings chargeBackReversal(long amount, long openShortfall, UUID walletId) {
        requirePositive(amount);
        long covered = Math.min(Math.max(openShortfall, 0), amount);
        List<Posting> entries = new ArrayList<>();
        entries.add(Posting.clearing(-amount, EntryKind.DISPUTE_REINSTATEMENT));
        if (covered > 0) {
            entries.add(Posting.shortfall(covered));
        }
        if (amount > covered) {
            entries.add(Posting.wallet(walletId, amount - covered, EntryKind.DISPUTE_REINSTATEMENT));
        }
        return new Postings(entries);
    }

    /** Maps Stripe's failure or decline code of a failed payment to the contract's reason. */
    public static FailureReason paymentFailureReason(String failureCode) {
        if (failureCode != null && (failureCode.equals("card_declined") || failureCode.contains("decline")
                || failureCode.equals("insufficient_funds") || failureCode.equals("expired_card")
                || failureCode.equals("incorrect_cvc") || failureCode.equals("lost_card")
                || failureCode.equals("stolen_card"))) {
            return FailureReason.CARD_DECLINED;
        }
        return FailureReason.PAYMENT_FAILED;
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
