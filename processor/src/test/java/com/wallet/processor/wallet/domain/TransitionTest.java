package com.wallet.processor.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.money.Money;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransitionTest {

    private static final UUID TX = UUID.randomUUID();
    private static final UUID WALLET = UUID.randomUUID();
    private static final Set<TransactionStatus> OPEN = Set.of(TransactionStatus.PENDING, TransactionStatus.PROCESSING);

    @Test
    void settlesAnOpenDepositOnlyForItsPaymentIntentCreditingAFrozenWalletToo() {
        Transition t = Transition.depositSettled(TX, WALLET, Money.of(700, "USD"), "pi_1");

        assertThat(t.from()).isEqualTo(OPEN);
        assertThat(t.to()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(t.currency()).isEqualTo("USD");
        assertThat(t.postings()).isEqualTo(WalletRules.depositSettlement(700, WALLET));
        assertThat(t.stripe()).isEqualTo(new StripeObject(StripeObject.Kind.PAYMENT_INTENT, "pi_1",
                StripeObject.Match.UNSET_OR_SAME));
        assertThat(t.activeWalletsOnly()).isFalse();
    }

    @Test
    void failsAnOpenDepositWithoutMovingMoney() {
        Transition t = Transition.depositFailed(TX, "USD", FailureReason.CARD_DECLINED);

        assertThat(t.from()).isEqualTo(OPEN);
        assertThat(t.to()).isEqualTo(TransactionStatus.FAILED);
        assertThat(t.movesMoney()).isFalse();
        assertThat(Transition.netBalanceChanges(java.util.List.of(t))).isEmpty();
    }

    @Test
    void debitsAWithdrawalFromAnActiveWalletOnly() {
        Decision.Accepted accepted = (Decision.Accepted) WalletRules.withdrawal(300, "USD",
                new WalletState(WALLET, 1_000, "USD", true));
        Transition t = Transition.withdrawalDebited(TX, "USD", accepted.postings());

        assertThat(t.from()).containsExactly(TransactionStatus.PENDING);
        assertThat(t.to()).isEqualTo(TransactionStatus.PROCESSING);
        assertThat(t.activeWalletsOnly()).isTrue();
        assertThat(Transition.netBalanceChanges(java.util.List.of(t))).containsEntry(WALLET, -300L);
    }

    @Test
    void completesAPayoutOnlyWithNoOtherTransferRecorded() {
        Transition t = Transition.payoutCompleted(TX, "USD", "tr_1");

        assertThat(t.from()).containsExactly(TransactionStatus.PROCESSING);
        assertThat(t.to()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(t.stripe()).isEqualTo(StripeObject.transfer("tr_1"));
        assertThat(t.movesMoney()).isFalse();
    }

    @Test
    void aMovementKeepsTheStatusAndItsReasonAndIsNotConditional() {
        Postings refund = WalletRules.chargeBack(200, new WalletState(WALLET, 500, "USD", true), EntryKind.REFUND)
                .postings();
        Transition t = Transition.moved(TX, "USD", TransactionStatus.COMPLETED, null, refund);

        assertThat(t.changesStatus()).isFalse();
        assertThat(t.to()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(t.activeWalletsOnly()).isFalse();
        assertThat(Transition.netBalanceChanges(java.util.List.of(t))).containsEntry(WALLET, -200L);
    }

    @Test
    void refusesAMovementThatMovesNoMoneyAndAFailureWithoutReason() {
        assertThatThrownBy(() -> Transition.status(TX, "USD", Set.of(TransactionStatus.COMPLETED),
                TransactionStatus.COMPLETED, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transition.status(TX, "USD", OPEN, TransactionStatus.FAILED, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transition.status(TX, "USD", Set.of(), TransactionStatus.FAILED,
                FailureReason.PAYMENT_FAILED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnsetMatchNamesNoObjectAndTheOthersDo() {
        assertThatThrownBy(() -> new StripeObject(StripeObject.Kind.TRANSFER, "tr_1", StripeObject.Match.UNSET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StripeObject(StripeObject.Kind.TRANSFER, null, StripeObject.Match.SAME))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
