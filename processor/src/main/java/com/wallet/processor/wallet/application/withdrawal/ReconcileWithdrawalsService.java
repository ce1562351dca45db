package com.wallet.processor.wallet.application.withdrawal;

import com.wallet.common.observability.RequestId;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.Reconciled;
import com.wallet.processor.wallet.application.ReconcilerProperties;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.TransactionsAwaitingStripe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings withdrawals left PROCESSING by an ambiguous payout (no answer, 5xx, 409, 429) to a final
 * status by asking Stripe, never by guessing (contract 6.7), through {@link WithdrawalPayouts#resolve}:
 *
 * <ul>
 *   <li>a Transfer id recorded: retrieved, never created again;</li>
 *   <li>none recorded: the Transfer is looked for by transfer_group (the transaction id). Found:
 *       COMPLETED with its id. Stripe holds none: created again with the same key
 *       "withdrawal-&lt;txId&gt;" and the answer applied (created: COMPLETED; definitive refusal:
 *       funds restored, FAILED PAYOUT_FAILED; ambiguous again: looked at next round).</li>
 *   <li>a Transfer id recorded that Stripe says does not exist (404): looked for by transfer_group
 *       too; none there either {@code missingObjectTimeout} after creation: funds restored, FAILED
 *       PAYOUT_FAILED, and an operator record (stripe_disagreements, field existence). A failed call
 *       never gives anything back.</li>
 * </ul>
 *
 * <p>Stripe is called outside any database transaction. Every change is conditional on the
 * withdrawal still being PROCESSING (and the funds go back only while no Transfer is recorded), so
 * a reconciler racing a redelivered command, transfer.created or another reconciler cannot pay or
 * credit twice. A withdrawal left open is postponed (updated_at touched).
 */
public class ReconcileWithdrawalsService {

    private static final Logger log = LoggerFactory.getLogger(ReconcileWithdrawalsService.class);

    private final TransactionsAwaitingStripe awaiting;
    private final WithdrawalPayouts payouts;
    private final ReconcilerProperties properties;
    private final MeterRegistry meters;

    ReconcileWithdrawalsService(TransactionsAwaitingStripe awaiting, WithdrawalPayouts payouts, ReconcilerProperties properties,
                                MeterRegistry meters) {
        this.awaiting = awaiting;
        this.payouts = payouts;
        this.properties = properties;
        this.meters = meters;
    }

    /** One round over at most batchSize stale withdrawals. @return how many were looked at */
    public int reconcileStaleWithdrawals() {
        List<TransactionsAwaitingStripe.StaleWithdrawal> batch = awaiting.staleWithdrawals(properties.reconcileAfter(),
                properties.batchSize());
        for (TransactionsAwaitingStripe.StaleWithdrawal stale : batch) {
            TransactionRecord tx = stale.transaction();
            Reconciled reconciled;
            try (RequestId.Scope ignored = RequestId.open(tx.requestId())) { // the withdrawal's request in its lines
                reconciled = payouts.resolve(tx, stale.age(), properties.missingObjectTimeout(), "reconciler");
                if (reconciled.outcome() == Outcome.PROCESSING) {
                    awaiting.postponeWithdrawalReconciliation(tx.id());
                }
            } catch (RuntimeException e) {
                // e.g. database or lock unavailable: the withdrawal stays stale and is taken again next round
                log.warn("withdrawal {} not reconciled this round: {}", tx.id(), e.getClass().getSimpleName());
                reconciled = Reconciled.error();
            }
            Counter.builder("wallet.withdrawals.reconciled").tag("outcome", reconciled.outcome().name())
                    .tag("cause", reconciled.cause().tag()).register(meters).increment();
        }
        return batch.size();
    }
}
