package com.wallet.processor.wallet.application.withdrawal;

import com.wallet.processor.wallet.application.FakeLedgerTransitions;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.PayoutProperties;
import com.wallet.processor.wallet.application.ReconcilerProperties;
import com.wallet.processor.wallet.application.WalletTransactions;
import com.wallet.processor.wallet.application.port.Ledger;
import com.wallet.processor.wallet.application.port.StripeDisagreements;
import com.wallet.processor.wallet.application.port.PaymentGateway;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.TransactionsAwaitingStripe;
import com.wallet.processor.wallet.application.port.WalletLocks;
import com.wallet.processor.wallet.application.port.Wallets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.processor.wallet.domain.StripeObject;
import com.wallet.processor.wallet.domain.Transition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

class ReconcileWithdrawalsServiceTest {

    private final TransactionsAwaitingStripe awaiting = mock(TransactionsAwaitingStripe.class);
    private final Wallets wallets = mock(Wallets.class);
    private final FakeLedgerTransitions ledger = new FakeLedgerTransitions();
    private final PaymentGateway payments = mock(PaymentGateway.class);
    private final TransactionTemplate transaction = mock(TransactionTemplate.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ReconcilerProperties properties = new ReconcilerProperties(true, Duration.ofSeconds(15),
            Duration.ofSeconds(30), 50, Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10), 1L, 2L);
    private static final Duration YOUNG = Duration.ofMinutes(1);
    private static final Duration OLD = Duration.ofMinutes(11);
    private final List<String> operatorRecords = new java.util.ArrayList<>();
    private ReconcileWithdrawalsService reconciler;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        when(transaction.execute(any())).thenAnswer(call -> ((TransactionCallback<Object>) call.getArgument(0)).doInTransaction(null));
        when(wallets.stripeAccountId(any())).thenReturn(Optional.of("acct_1"));
        WalletLocks locks = walletIds -> () -> { };
        reconciler = reconciler(locks, "acct_default", (tx, object, event, disagreement) -> operatorRecords.add(
                tx + " " + object + " " + disagreement.field() + " " + disagreement.reported()));
    }

    private ReconcileWithdrawalsService reconciler(WalletLocks locks, String defaultDestination,
                                                   StripeDisagreements disagreements) {
        WithdrawalOutcomes outcomes = new WithdrawalOutcomes(ledger, mock(Ledger.class), disagreements);
        return new ReconcileWithdrawalsService(awaiting, new WithdrawalPayouts(new WalletTransactions(locks, transaction),
                wallets, payments, outcomes, defaultDestination), properties, meters);
    }

    /** The withdrawal's COMPLETED changes offered, as "id transferId". */
    private List<String> completePayouts() {
        return ledger.attempted().stream().filter(t -> t.to() == TransactionStatus.COMPLETED)
                .map(t -> t.transactionId() + " " + t.stripe().id()).toList();
    }

    /** The funds-back changes offered while no Transfer is recorded. */
    private List<UUID> failPayouts() {
        return ledger.attempted().stream().filter(t -> t.to() == TransactionStatus.FAILED
                        && t.stripe().match() == StripeObject.Match.UNSET)
                .map(Transition::transactionId).toList();
    }

    /** The funds-back changes offered for a recorded Transfer Stripe does not hold, as "id transferId". */
    private List<String> failPayoutsOfMissingTransfer() {
        return ledger.attempted().stream().filter(t -> t.to() == TransactionStatus.FAILED
                        && t.stripe().match() == StripeObject.Match.SAME)
                .map(t -> t.transactionId() + " " + t.stripe().id()).toList();
    }

    /** What all applied changes credited to any wallet. */
    private long credited() {
        return ledger.applied().stream().filter(Transition::movesMoney)
                .mapToLong(t -> t.postings().entries().stream().filter(p -> p.walletId() != null && p.amount() > 0)
                        .mapToLong(p -> p.amount()).sum()).sum();
    }

    private TransactionRecord withdrawal(String transferId) {
        return withdrawal(transferId, YOUNG);
    }

    private TransactionRecord withdrawal(String transferId, Duration age) {
        TransactionRecord tx = new TransactionRecord(UUID.randomUUID(), UUID.randomUUID(), null, TransactionType.WITHDRAWAL,
                TransactionStatus.PROCESSING, 1_000, "USD", null, null, null, transferId);
        when(awaiting.staleWithdrawals(any(), eq(50))).thenReturn(List.of(new TransactionsAwaitingStripe.StaleWithdrawal(tx, age)));
        return tx;
    }

    private double reconciled(Outcome outcome, String cause) {
        var counter = meters.find("wallet.withdrawals.reconciled").tag("outcome", outcome.name()).tag("cause", cause)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Whatever the cause. */
    private double reconciled(Outcome outcome) {
        return meters.find("wallet.withdrawals.reconciled").tag("outcome", outcome.name()).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    @Test
    void retrievesARecordedTransferAndNeverCreatesAgain() {
        TransactionRecord tx = withdrawal("tr_1");
        when(payments.retrieveTransfer("tr_1")).thenReturn(new PaymentGateway.TransferFound("tr_1", 1_000, "usd", 0));

        reconciler.reconcileStaleWithdrawals();

        assertThat(completePayouts()).containsExactly(tx.id() + " tr_1");
        verify(payments, never()).createPayout(any());
        verify(payments, never()).findTransfer(any());
        assertThat(reconciled(Outcome.COMPLETED)).isEqualTo(1);
    }

    @Test
    void completesWithTheTransferFoundByItsTransferGroup() {
        TransactionRecord tx = withdrawal(null);
        when(payments.findTransfer(tx.id())).thenReturn(new PaymentGateway.TransferFound("tr_2", 1_000, "usd", 0));

        reconciler.reconcileStaleWithdrawals();

        assertThat(completePayouts()).containsExactly(tx.id() + " tr_2");
        verify(payments, never()).createPayout(any());
        assertThat(credited()).isZero();
    }

    @Test
    void createsAgainWithTheSameKeyOnlyWhenStripeHoldsNoTransfer() {
        TransactionRecord tx = withdrawal(null);
        when(payments.findTransfer(tx.id())).thenReturn(new PaymentGateway.TransferNotFound());
        when(payments.createPayout(any())).thenReturn(new PaymentGateway.PayoutCreated("tr_3"));

        reconciler.reconcileStaleWithdrawals();

        verify(payments).createPayout(new PaymentGateway.Payout(tx.id(), tx.walletId(), 1_000, "USD", "acct_1"));
        assertThat(completePayouts()).containsExactly(tx.id() + " tr_3");
    }

    @Test
    void neverPaysAWalletWithoutStripeAccountToADefaultAccountOutsideLocalMode() {
        ReconcileWithdrawalsService withoutDefault = reconciler(walletIds -> () -> { },
                new PayoutProperties(null).defaultDestination(), (tx, object, event, d) -> { });
        TransactionRecord tx = withdrawal(null);
        when(wallets.stripeAccountId(tx.walletId())).thenReturn(Optional.empty());
        when(payments.findTransfer(tx.id())).thenReturn(new PaymentGateway.TransferNotFound());

        withoutDefault.reconcileStaleWithdrawals();

        verify(payments, never()).createPayout(any());
        assertThat(failPayouts()).containsExactly(tx.id());
        assertThat(ledger.balanceChangeOf(tx.walletId())).isEqualTo(1_000);
    }

    @Test
    void countsARefusalStripeAnsweredApartFromTheReconcilersOwnGiveUp() {
        TransactionRecord tx = withdrawal(null);
        when(payments.findTransfer(tx.id())).thenReturn(new PaymentGateway.TransferNotFound());
        when(payments.createPayout(any())).thenReturn(new PaymentGateway.PayoutRefused("InvalidRequestException status=400"));

        reconciler.reconcileStaleWithdrawals();

        assertThat(reconciled(Outcome.FAILED, "stripe_answer")).isEqualTo(1);
        assertThat(reconciled(Outcome.FAILED, "missing_at_stripe")).isZero();
    }

    @Test
    void restoresTheFundsOnlyAfterADefinitiveRefusal() {
        TransactionRecord tx = withdrawal(null);
        when(payments.findTransfer(tx.id())).thenReturn(new PaymentGateway.TransferNotFound());
        when(payments.createPayout(any())).thenReturn(new PaymentGateway.PayoutRefused("InvalidRequestException status=400"));

        reconciler.reconcileStaleWithdrawals();

        assertThat(failPayouts()).containsExactly(tx.id());
        assertThat(ledger.balanceChangeOf(tx.walletId())).isEqualTo(1_000);
        assertThat(reconciled(Outcome.FAILED)).isEqualTo(1);
    }

    @Test
    void keepsAnAmbiguousOrUnknownWithdrawalProcessingAndPostponesIt() {
        TransactionRecord tx = withdrawal(null);
        when(payments.findTransfer(tx.id())).thenReturn(new PaymentGateway.TransferNotFound());
        when(payments.createPayout(any())).thenReturn(new PaymentGateway.PayoutAmbiguous("ApiException status=500"));

        reconciler.reconcileStaleWithdrawals();
        when(payments.findTransfer(tx.id())).thenReturn(new PaymentGateway.TransferLookupFailed("ApiConnectionException"));
        reconciler.reconcileStaleWithdrawals();

        assertThat(failPayouts()).isEmpty();
        assertThat(credited()).isZero();
        verify(awaiting, times(2)).postponeWithdrawalReconciliation(tx.id());
        assertThat(reconciled(Outcome.PROCESSING)).isEqualTo(2);
    }

    @Test
    void waitsForARecordedTransferStripeDoesNotKnowUntilTheTimeout() {
        TransactionRecord tx = withdrawal("tr_gone", YOUNG);
        when(payments.retrieveTransfer("tr_gone")).thenReturn(new PaymentGateway.TransferNotFound());
        when(payments.findTransfer(tx.id())).thenReturn(new PaymentGateway.TransferNotFound());

        reconciler.reconcileStaleWithdrawals();

        assertThat(failPayoutsOfMissingTransfer()).isEmpty();
        assertThat(credited()).isZero();
        verify(payments, never()).createPayout(any());
        verify(awaiting).postponeWithdrawalReconciliation(tx.id());
        assertThat(operatorRecords).isEmpty();
    }

    @Test
    void restoresTheFundsOfAMissingRecordedTransferOnlyWhenNoneExistsForTheGroupAfterTheTimeout() {
        TransactionRecord tx = withdrawal("tr_gone", OLD);
        when(payments.retrieveTransfer("tr_gone")).thenReturn(new PaymentGateway.TransferNotFound());
        when(payments.findTransfer(tx.id())).thenReturn(new PaymentGateway.TransferNotFound());

        reconciler.reconcileStaleWithdrawals();

        assertThat(failPayoutsOfMissingTransfer()).containsExactly(tx.id() + " tr_gone");
        assertThat(failPayouts()).isEmpty();
        assertThat(ledger.balanceChangeOf(tx.walletId())).isEqualTo(1_000);
        verify(payments, never()).createPayout(any());
        assertThat(operatorRecords).containsExactly(tx.id() + " tr_gone EXISTENCE missing");
        assertThat(reconciled(Outcome.FAILED)).isEqualTo(1);
        assertThat(reconciled(Outcome.FAILED, "missing_at_stripe")).isEqualTo(1);
    }

    @Test
    void neverRestoresAMissingRecordedTransferWhileATransferOrNoAnswerComesForTheGroup() {
        TransactionRecord tx = withdrawal("tr_gone", OLD);
        when(payments.retrieveTransfer("tr_gone")).thenReturn(new PaymentGateway.TransferNotFound());
        when(payments.findTransfer(tx.id())).thenReturn(new PaymentGateway.TransferFound("tr_other", 1_000, "usd", 0));

        reconciler.reconcileStaleWithdrawals();
        when(payments.findTransfer(tx.id())).thenReturn(new PaymentGateway.TransferLookupFailed("ApiConnectionException"));
        reconciler.reconcileStaleWithdrawals();
        when(payments.retrieveTransfer("tr_gone")).thenReturn(new PaymentGateway.TransferLookupFailed("ApiException status=500"));
        reconciler.reconcileStaleWithdrawals();

        assertThat(failPayoutsOfMissingTransfer()).isEmpty();
        assertThat(completePayouts()).isEmpty();
        assertThat(credited()).isZero();
        assertThat(operatorRecords).isEmpty();
        assertThat(reconciled(Outcome.PROCESSING)).isEqualTo(3);
    }

    @Test
    void leavesATransferThatDisagreesWithTheWithdrawalForAnOperator() {
        TransactionRecord tx = withdrawal(null);
        when(payments.findTransfer(tx.id())).thenReturn(new PaymentGateway.TransferFound("tr_4", 999, "usd", 0));

        reconciler.reconcileStaleWithdrawals();

        assertThat(completePayouts()).isEmpty();
        assertThat(failPayouts()).isEmpty();
        verify(payments, never()).createPayout(any());
    }
}
