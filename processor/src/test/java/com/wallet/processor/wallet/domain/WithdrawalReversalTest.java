package com.wallet.processor.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.money.Money;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WithdrawalReversalTest {

    private static final UUID TX = UUID.randomUUID();
    private static final UUID WALLET = UUID.randomUUID();
    private static final Money AMOUNT = Money.of(1_000, "USD");

    private static Transition decided(WithdrawalReversal.Cause cause) {
        return WithdrawalReversal.decide(TX, WALLET, AMOUNT, cause).orElseThrow();
    }

    @Test
    void givesAllOfARefusedPayoutBackAndFailsItOnlyWhileNoTransferIsRecorded() {
        Transition t = decided(new WithdrawalReversal.PayoutRefused());

        assertThat(t.from()).containsExactly(TransactionStatus.PROCESSING);
        assertThat(t.to()).isEqualTo(TransactionStatus.FAILED);
        assertThat(t.reason()).isEqualTo(FailureReason.PAYOUT_FAILED);
        assertThat(t.postings()).isEqualTo(WalletRules.withdrawalReversal(1_000, WALLET));
        assertThat(t.stripe()).isEqualTo(StripeObject.noTransfer());
        assertThat(t.activeWalletsOnly()).isFalse(); // a frozen wallet still gets its money back
    }

    @Test
    void givesAllOfAMissingTransferBackOnlyWhileThatTransferIsTheRecordedOne() {
        Transition t = decided(new WithdrawalReversal.TransferMissing("tr_gone"));

        assertThat(t.to()).isEqualTo(TransactionStatus.FAILED);
        assertThat(t.reason()).isEqualTo(FailureReason.PAYOUT_FAILED);
        assertThat(t.postings().changeOf(WALLET)).isEqualTo(1_000);
        assertThat(t.stripe()).isEqualTo(StripeObject.exactlyTransfer("tr_gone"));
    }

    @Test
    void reversesAWithdrawalWhoseTransferIsReversedInFull() {
        Transition t = decided(new WithdrawalReversal.TransferReversed("tr_1", 1_000, 0, TransactionStatus.COMPLETED));

        assertThat(t.from()).containsExactlyInAnyOrder(TransactionStatus.PROCESSING, TransactionStatus.COMPLETED);
        assertThat(t.to()).isEqualTo(TransactionStatus.REVERSED);
        assertThat(t.reason()).isNull();
        assertThat(t.postings()).isEqualTo(WalletRules.withdrawalReversal(1_000, WALLET));
        assertThat(t.stripe()).isEqualTo(StripeObject.anyTransfer("tr_1"));
        assertThat(t.changesStatus()).isTrue();
    }

    @Test
    void creditsAPartialReversalWithoutChangingTheStatus() {
        Transition t = decided(new WithdrawalReversal.TransferReversed("tr_1", 400, 0, TransactionStatus.COMPLETED));

        assertThat(t.changesStatus()).isFalse();
        assertThat(t.from()).isEqualTo(Set.of(TransactionStatus.COMPLETED));
        assertThat(t.to()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(t.postings().changeOf(WALLET)).isEqualTo(400);
        assertThat(t.stripe()).isNull();
    }

    @Test
    void creditsOnlyTheIncreaseOfTheCumulativeAmountReversed() {
        Transition rest = decided(new WithdrawalReversal.TransferReversed("tr_1", 1_000, 400, TransactionStatus.COMPLETED));

        assertThat(rest.to()).isEqualTo(TransactionStatus.REVERSED);
        assertThat(rest.postings().changeOf(WALLET)).isEqualTo(600);
    }

    @Test
    void creditsNothingForALateOrRepeatedReversal() {
        Optional<Transition> repeated = WithdrawalReversal.decide(TX, WALLET, AMOUNT,
                new WithdrawalReversal.TransferReversed("tr_1", 400, 400, TransactionStatus.COMPLETED));
        Optional<Transition> smaller = WithdrawalReversal.decide(TX, WALLET, AMOUNT,
                new WithdrawalReversal.TransferReversed("tr_1", 300, 400, TransactionStatus.COMPLETED));

        assertThat(repeated).isEmpty();
        assertThat(smaller).isEmpty();
    }

    @Test
    void neverCreditsMoreThanTheWithdrawal() {
        Transition t = decided(new WithdrawalReversal.TransferReversed("tr_1", 5_000, 0, TransactionStatus.COMPLETED));

        assertThat(t.to()).isEqualTo(TransactionStatus.REVERSED);
        assertThat(t.postings().changeOf(WALLET)).isEqualTo(1_000);
    }
}
