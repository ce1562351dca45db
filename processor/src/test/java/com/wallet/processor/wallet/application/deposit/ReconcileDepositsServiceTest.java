package com.wallet.processor.wallet.application.deposit;

import com.wallet.processor.wallet.application.FakeLedgerTransitions;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.ReconcilerProperties;
import com.wallet.processor.wallet.application.WalletTransactions;
import com.wallet.processor.wallet.application.port.Ledger;
import com.wallet.processor.wallet.application.port.PaymentGateway;
import com.wallet.processor.wallet.application.port.Shortfalls;
import com.wallet.processor.wallet.application.port.StripeChargeBacks;
import com.wallet.processor.wallet.application.port.StripeDisagreements;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.StripeRecords;
import com.wallet.processor.wallet.application.port.TransactionsAwaitingStripe;
import com.wallet.processor.wallet.application.port.WalletLocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.wallet.common.crypto.EncryptionKey;
import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.processor.wallet.domain.Transition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

class ReconcileDepositsServiceTest {

    private static final Duration YOUNG = Duration.ofMinutes(1);
    private static final Duration OLD = Duration.ofMinutes(11);
    private static final Set<TransactionStatus> OPEN = Set.of(TransactionStatus.PENDING, TransactionStatus.PROCESSING);

    private final FieldCipher cipher = new FieldCipher(EncryptionKey.parse("k1", "0123456789abcdef0123456789abcdef"));
    private final TransactionsAwaitingStripe awaiting = mock(TransactionsAwaitingStripe.class);
    private final StripeRecords records = mock(StripeRecords.class);
    private final Ledger ledger = mock(Ledger.class);
    private final FakeLedgerTransitions transitions = new FakeLedgerTransitions();
    private final PaymentGateway payments = mock(PaymentGateway.class);
    private final TransactionTemplate transaction = mock(TransactionTemplate.class);
    private final ReconcilerProperties properties = new ReconcilerProperties(true, Duration.ofSeconds(15),
            Duration.ofSeconds(30), 50, Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10), 1L, 2L);
    private final List<String> operatorRecords = new java.util.ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ReconcileDepositsService reconciler;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        when(transaction.execute(any())).thenAnswer(call -> ((TransactionCallback<Object>) call.getArgument(0)).doInTransaction(null));
        WalletLocks locks = walletIds -> () -> { };
        StripeDisagreements disagreements = (tx, object, event, disagreement) -> operatorRecords.add(
                tx + " " + object + " " + disagreement.field() + " " + disagreement.reported());
        DepositSettlement settlement = new DepositSettlement(transitions, disagreements,
                new ChargeBackPostings(noChargeBacks(), ledger, mock(Shortfalls.class), transitions));
        reconciler = new ReconcileDepositsService(new StaleDeposits(awaiting, properties, meters),
                new WalletTransactions(locks, transaction), new DepositPayments(payments, cipher),
                new DepositOutcomes(records, transitions, cipher, disagreements, settlement));
    }

    private static StripeChargeBacks noChargeBacks() {
        StripeChargeBacks chargeBacks = mock(StripeChargeBacks.class);
        when(chargeBacks.claims(any())).thenReturn(new StripeChargeBacks.Claims(0, 0));
        return chargeBacks;
    }

    /** The status changes offered, settlements aside (an open deposit failing, as "id reason"). */
    private List<String> failures() {
        return transitions.attempted().stream().filter(t -> t.to() == TransactionStatus.FAILED)
                .peek(t -> assertThat(t.from()).isEqualTo(OPEN))
                .map(t -> t.transactionId() + " " + t.reason()).toList();
    }

    /** The settlements offered, as "id paymentIntentId". */
    private List<String> settlements() {
        return transitions.attempted().stream().filter(t -> t.to() == TransactionStatus.COMPLETED)
                .map(t -> t.transactionId() + " " + t.stripe().id()).toList();
    }

    private long credited() {
        return transitions.applied().stream().filter(Transition::movesMoney)
                .mapToLong(t -> t.postings().entries().stream().filter(p -> p.walletId() != null && p.amount() > 0)
                        .mapToLong(p -> p.amount()).sum()).sum();
    }

    private TransactionRecord deposit(String paymentIntentId) {
        UUID id = UUID.randomUUID();
        byte[] method = cipher.seal("pm_card_visa".getBytes(StandardCharsets.UTF_8), "transactions.payment_method:" + id);
        return new TransactionRecord(id, UUID.randomUUID(), null, TransactionType.DEPOSIT, TransactionStatus.PROCESSING,
                1_000, "USD", null, method, paymentIntentId, null);
    }

    private Outcome reconcile(TransactionRecord tx, Duration age) {
        return reconciler.reconcile(new TransactionsAwaitingStripe.StaleDeposit(tx, age)).outcome();
    }

    /** One round over the given stale deposit, through the counting entry point. */
    private void reconcileRound(TransactionRecord tx, Duration age) {
        when(awaiting.staleDeposits(any(), eq(50))).thenReturn(List.of(new TransactionsAwaitingStripe.StaleDeposit(tx, age)));
        reconciler.reconcileStaleDeposits();
    }

    private double reconciled(Outcome outcome, String cause) {
        var counter = meters.find("wallet.deposits.reconciled").tag("outcome", outcome.name()).tag("cause", cause)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void asksAgainWithTheSameKeyAndKeepsAnUncertainDepositProcessing() {
        TransactionRecord tx = deposit(null);
        when(payments.createPayment(any())).thenReturn(new PaymentGateway.PaymentUncertain("ApiException status=500"));

        assertThat(reconcile(tx, YOUNG)).isEqualTo(Outcome.PROCESSING);

        ArgumentCaptor<PaymentGateway.DepositPayment> payment = ArgumentCaptor.forClass(PaymentGateway.DepositPayment.class);
        verify(payments).createPayment(payment.capture());
        assertThat(payment.getValue().idempotencyKey()).isEqualTo("deposit-" + tx.id());
        assertThat(payment.getValue().paymentMethod()).isEqualTo("pm_card_visa");
        assertThat(payment.getValue().amount()).isEqualTo(1_000);
        assertThat(failures()).isEmpty();
        verify(awaiting).postponeReconciliation(tx.id());
        assertThat(transitions.applied()).isEmpty();
    }

    @Test
    void keepsADepositWhosePaymentIntentStripeDoesNotKnowProcessingUntilTheTimeout() {
        TransactionRecord tx = deposit("pi_gone");
        when(payments.retrievePayment("pi_gone")).thenReturn(new PaymentGateway.PaymentNotFound("pi_gone"));

        assertThat(reconcile(tx, YOUNG)).isEqualTo(Outcome.PROCESSING);

        verify(awaiting).postponeReconciliation(tx.id());
        assertThat(failures()).isEmpty();
        assertThat(operatorRecords).isEmpty();
    }

    @Test
    void failsADepositWhosePaymentIntentStripeStillDoesNotKnowAfterTheTimeoutWithAnOperatorRecord() {
        TransactionRecord tx = deposit("pi_gone");
        when(payments.retrievePayment("pi_gone")).thenReturn(new PaymentGateway.PaymentNotFound("pi_gone"));

        assertThat(reconcile(tx, OLD)).isEqualTo(Outcome.FAILED);

        assertThat(failures()).containsExactly(tx.id() + " PAYMENT_FAILED");
        assertThat(credited()).isZero();
        assertThat(transitions.applied()).noneMatch(Transition::movesMoney);
        assertThat(operatorRecords).containsExactly(tx.id() + " pi_gone EXISTENCE missing");
    }

    @Test
    void writesNoOperatorRecordWhenTheDepositEndedMeanwhile() {
        TransactionRecord tx = deposit("pi_gone");
        when(payments.retrievePayment("pi_gone")).thenReturn(new PaymentGateway.PaymentNotFound("pi_gone"));
        transitions.current = false;

        assertThat(reconcile(tx, OLD)).isEqualTo(Outcome.IGNORED);

        assertThat(operatorRecords).isEmpty();
    }

    @Test
    void neverEndsADepositWhoseLookupFailsHoweverOld() {
        TransactionRecord tx = deposit("pi_unreachable");
        when(payments.retrievePayment("pi_unreachable")).thenReturn(new PaymentGateway.PaymentLookupFailed("ApiException status=500"));

        assertThat(reconcile(tx, Duration.ofDays(2))).isEqualTo(Outcome.PROCESSING);

        assertThat(failures()).isEmpty();
        assertThat(operatorRecords).isEmpty();
    }

    @Test
    void givesUpAnUncertainDepositAfterTheLimit() {
        TransactionRecord tx = deposit(null);
        when(payments.createPayment(any())).thenReturn(new PaymentGateway.PaymentUncertain("ApiConnectionException"));

        assertThat(reconcile(tx, OLD)).isEqualTo(Outcome.FAILED);

        assertThat(failures()).containsExactly(tx.id() + " PAYMENT_FAILED");
        assertThat(transitions.applied()).hasSize(1);
    }

    @Test
    void countsAGiveUpApartFromAFailureStripeAnswered() {
        when(payments.createPayment(any())).thenReturn(new PaymentGateway.PaymentUncertain("ApiConnectionException"));
        reconcileRound(deposit(null), OLD);

        assertThat(reconciled(Outcome.FAILED, "gave_up")).isEqualTo(1);
        assertThat(reconciled(Outcome.FAILED, "stripe_answer")).isZero();

        when(payments.createPayment(any())).thenReturn(new PaymentGateway.PaymentDeclined("pi_d", "card_declined"));
        reconcileRound(deposit(null), OLD);

        assertThat(reconciled(Outcome.FAILED, "stripe_answer")).isEqualTo(1);
        assertThat(reconciled(Outcome.FAILED, "gave_up")).isEqualTo(1);
    }

    @Test
    void countsAnUncertainDepositBeforeTheLimitAsWaitingAndAForgottenPaymentIntentAsMissingAtStripe() {
        when(payments.createPayment(any())).thenReturn(new PaymentGateway.PaymentUncertain("ApiConnectionException"));
        reconcileRound(deposit(null), YOUNG);
        TransactionRecord gone = deposit("pi_gone");
        when(payments.retrievePayment("pi_gone")).thenReturn(new PaymentGateway.PaymentNotFound("pi_gone"));
        reconcileRound(gone, OLD);

        assertThat(reconciled(Outcome.PROCESSING, "waiting")).isEqualTo(1);
        assertThat(reconciled(Outcome.FAILED, "missing_at_stripe")).isEqualTo(1);
        assertThat(reconciled(Outcome.FAILED, "gave_up")).isZero();
    }

    @Test
    void recordsThePaymentIntentStripeReplaysOrCreatesNow() {
        TransactionRecord tx = deposit(null);
        when(payments.createPayment(any())).thenReturn(new PaymentGateway.PaymentAccepted("pi_1", "succeeded"));

        assertThat(reconcile(tx, OLD)).isEqualTo(Outcome.PROCESSING);

        verify(records).recordPaymentIntent(tx.id(), "pi_1");
        assertThat(failures()).isEmpty();
        assertThat(credited()).isZero();
    }

    @Test
    void failsADeclineReplayedByStripeCardDeclined() {
        TransactionRecord tx = deposit(null);
        when(payments.createPayment(any())).thenReturn(new PaymentGateway.PaymentDeclined("pi_2", "card_declined"));

        assertThat(reconcile(tx, YOUNG)).isEqualTo(Outcome.FAILED);

        verify(records).recordPaymentIntent(tx.id(), "pi_2");
        assertThat(failures()).containsExactly(tx.id() + " CARD_DECLINED");
    }

    @Test
    void settlesASucceededPaymentIntentLikeTheWebhookAndOnlyOnce() {
        TransactionRecord tx = deposit("pi_3");
        when(payments.retrievePayment("pi_3")).thenReturn(new PaymentGateway.PaymentFound("pi_3", "succeeded", 1_000, null));

        assertThat(reconcile(tx, YOUNG)).isEqualTo(Outcome.COMPLETED);
        transitions.current = false; // the webhook (or another reconciler) was first
        assertThat(reconcile(tx, YOUNG)).isEqualTo(Outcome.IGNORED);

        assertThat(settlements()).containsExactly(tx.id() + " pi_3", tx.id() + " pi_3");
        assertThat(transitions.balanceChangeOf(tx.walletId())).isEqualTo(1_000);
        assertThat(transitions.applied()).filteredOn(Transition::movesMoney).hasSize(1);
        // one event: the one applied change, COMPLETED
        assertThat(transitions.applied()).singleElement().satisfies(t -> assertThat(t.to()).isEqualTo(TransactionStatus.COMPLETED));
        verify(payments, never()).createPayment(any());
    }

    @Test
    void creditsNothingWhenThePaymentIntentWasChargedInAnotherCurrency() {
        TransactionRecord tx = deposit("pi_eur");
        when(payments.retrievePayment("pi_eur"))
                .thenReturn(new PaymentGateway.PaymentFound("pi_eur", "succeeded", 1_000, "eur", null));

        assertThat(reconcile(tx, YOUNG)).isEqualTo(Outcome.IGNORED);

        assertThat(settlements()).isEmpty();
        assertThat(credited()).isZero();
        assertThat(operatorRecords).containsExactly(tx.id() + " pi_eur CURRENCY EUR");
    }

    @Test
    void failsAPaymentIntentThatNeedsAnotherPaymentMethod() {
        TransactionRecord tx = deposit("pi_4");
        when(payments.retrievePayment("pi_4"))
                .thenReturn(new PaymentGateway.PaymentFound("pi_4", "requires_payment_method", 1_000, "card_declined"));

        assertThat(reconcile(tx, YOUNG)).isEqualTo(Outcome.FAILED);

        assertThat(failures()).containsExactly(tx.id() + " CARD_DECLINED");
        assertThat(credited()).isZero();
    }

    @Test
    void waitsForAuthenticationThenCancelsAndFails() {
        TransactionRecord tx = deposit("pi_5");
        when(payments.retrievePayment("pi_5"))
                .thenReturn(new PaymentGateway.PaymentFound("pi_5", "requires_action", 1_000, null));
        when(payments.cancelPayment("pi_5", tx.id()))
                .thenReturn(new PaymentGateway.PaymentFound("pi_5", "canceled", 1_000, null));

        assertThat(reconcile(tx, YOUNG)).isEqualTo(Outcome.PROCESSING);
        verify(payments, never()).cancelPayment(any(), any());
        verify(awaiting).postponeReconciliation(tx.id());

        assertThat(reconcile(tx, OLD)).isEqualTo(Outcome.FAILED);
        verify(payments).cancelPayment("pi_5", tx.id());
        assertThat(failures()).containsExactly(tx.id() + " PAYMENT_FAILED");
    }

    @Test
    void keepsTheDepositOpenWhenTheCancelIsRefused() {
        TransactionRecord tx = deposit("pi_6");
        when(payments.retrievePayment("pi_6"))
                .thenReturn(new PaymentGateway.PaymentFound("pi_6", "requires_action", 1_000, null));
        when(payments.cancelPayment("pi_6", tx.id())) // authenticated and succeeded meanwhile
                .thenReturn(new PaymentGateway.PaymentLookupFailed("InvalidRequestException status=400"));

        assertThat(reconcile(tx, OLD)).isEqualTo(Outcome.PROCESSING);

        assertThat(failures()).isEmpty();
        verify(awaiting).postponeReconciliation(tx.id());
    }

    @Test
    void keepsWaitingWhenStripeCannotBeAskedOrThePaymentIsStillProcessing() {
        TransactionRecord unreachable = deposit("pi_7");
        TransactionRecord processing = deposit("pi_8");
        when(payments.retrievePayment("pi_7")).thenReturn(new PaymentGateway.PaymentLookupFailed("ApiConnectionException"));
        when(payments.retrievePayment("pi_8")).thenReturn(new PaymentGateway.PaymentFound("pi_8", "processing", 1_000, null));

        assertThat(reconcile(unreachable, OLD)).isEqualTo(Outcome.PROCESSING);
        assertThat(reconcile(processing, OLD)).isEqualTo(Outcome.PROCESSING);

        assertThat(failures()).isEmpty();
        assertThat(settlements()).isEmpty();
        verify(awaiting).postponeReconciliation(unreachable.id());
        verify(awaiting).postponeReconciliation(processing.id());
    }

    @Test
    void oneFailingDepositDoesNotStopTheRound() {
        TransactionRecord broken = deposit("pi_9");
        TransactionRecord fine = deposit("pi_10");
        when(awaiting.staleDeposits(Duration.ofSeconds(30), 50)).thenReturn(List.of(
                new TransactionsAwaitingStripe.StaleDeposit(broken, YOUNG), new TransactionsAwaitingStripe.StaleDeposit(fine, YOUNG)));
        when(payments.retrievePayment("pi_9")).thenThrow(new IllegalStateException("database down"));
        when(payments.retrievePayment("pi_10")).thenReturn(new PaymentGateway.PaymentFound("pi_10", "canceled", 1_000, null));

        assertThat(reconciler.reconcileStaleDeposits()).isEqualTo(2);

        assertThat(failures()).containsExactly(fine.id() + " PAYMENT_FAILED");
    }
}
