package com.wallet.checker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The database side, read in one REPEATABLE READ transaction so every part sees the same moment.
 *
 * @param unbalanced transactions whose postings do not sum to zero, with their sum
 * @param purged     per wallet, what the retention purge deleted from the outbox (none: absent)
 * @param purgedTransactions transactions created no later than their wallet's last purged event, so
 *                   their first events (or all of them) may have been purged on purpose
 */
record LedgerSnapshot(
        Map<UUID, Wallet> wallets,
        Map<UUID, Transaction> transactions,
        Map<UUID, Long> walletPostingSums,
        long postingCount,
        List<PostingGroup> postingGroups,
        Map<UUID, Long> unbalanced,
        List<OutboxRow> outbox,
        List<StaleCommand> unpublishedCommands,
        List<Disagreement> openDisagreements,
        Map<UUID, Purged> purged,
        Set<UUID> purgedTransactions) {

    /** What the retention purge left of a wallet's deleted outbox events (README "Retention"). */
    record Purged(UUID walletId, long throughSequence, long postings) {
    }

    Purged purgedOf(UUID walletId) {
        return purged.getOrDefault(walletId, new Purged(walletId, 0, 0));
    }

    record Wallet(UUID id, long balance, String currency) {
    }

    /** @param age since the transaction was accepted */
    record Transaction(UUID id, UUID walletId, UUID counterpartyWalletId, String type, String status,
                       String failureReason, long amount, String currency, String paymentIntentId, String transferId,
                       Duration age) {

        boolean isFinal() {
            return !status.equals("PENDING") && !status.equals("PROCESSING");
        }
    }

    /** The postings of one transaction to one account (and wallet) of one kind: their sum and number. */
    record PostingGroup(UUID transactionId, String account, UUID walletId, String kind, long sum, int count) {
    }

    /**
     * @param publishedBeforeCutoff marked published before the topic's end offsets were taken, so it
     *                              must be among the records the checker read
     * @param unpublishedFor        how long it has waited for the relay (zero once published)
     */
    record OutboxRow(PublishedEvent event, long walletSequence, boolean published, boolean publishedBeforeCutoff,
                     Duration unpublishedFor) {
    }

    record StaleCommand(UUID commandId, Duration waiting) {
    }

    /** A Stripe report the processor refused to move money on, not yet resolved by an operator. */
    record Disagreement(UUID transactionId, String stripeObjectId, String field, String recorded, String reported) {
    }
}
