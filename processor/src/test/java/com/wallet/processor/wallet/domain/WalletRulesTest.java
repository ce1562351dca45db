package com.wallet.processor.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.messaging.FailureReason;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WalletRulesTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static WalletState wallet(UUID id, long balance) {
        return new WalletState(id, balance, "USD", true);
    }

    @Test
    void acceptsTransferCoveredByTheBalance() {
        Decision decision = WalletRules.transfer(100, "USD", wallet(A, 100), wallet(B, 0));

        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        Postings postings = ((Decision.Accepted) decision).postings();
        assertThat(postings.changeOf(A)).isEqualTo(-100);
        assertThat(postings.changeOf(B)).isEqualTo(100);
        assertThat(postings.entries()).allMatch(p -> p.kind() == EntryKind.TRANSFER);
    }

    @Test
    void rejectsTransferAboveBalance() {
        assertThat(WalletRules.transfer(101, "USD", wallet(A, 100), wallet(B, 0)))
                .isEqualTo(new Decision.Rejected(FailureReason.INSUFFICIENT_FUNDS));
    }

    @Test
    void rejectsTransferFromOrToAnInactiveWallet() {
        WalletState frozenSource = new WalletState(A, 1_000, "USD", false);
        WalletState frozenDestination = new WalletState(B, 0, "USD", false);

        assertThat(WalletRules.transfer(1, "USD", frozenSource, wallet(B, 0)))
                .isEqualTo(new Decision.Rejected(FailureReason.WALLET_INACTIVE));
        assertThat(WalletRules.transfer(1, "USD", wallet(A, 1_000), frozenDestination))
                .isEqualTo(new Decision.Rejected(FailureReason.WALLET_INACTIVE));
    }

    @Test
    void refusesTransferInAnotherCurrency() {
        assertThatThrownBy(() -> WalletRules.transfer(1, "EUR", wallet(A, 10), wallet(B, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withdrawalDebitsAgainstStripeClearing() {
        Decision decision = WalletRules.withdrawal(40, "USD", wallet(A, 100));

        Postings postings = ((Decision.Accepted) decision).postings();
        assertThat(postings.changeOf(A)).isEqualTo(-40);
        assertThat(postings.entries()).anyMatch(p -> p.account() == Account.STRIPE_CLEARING && p.amount() == 40);
    }

    @Test
    void rejectsWithdrawalAboveBalance() {
        assertThat(WalletRules.withdrawal(101, "USD", wallet(A, 100)))
                .isEqualTo(new Decision.Rejected(FailureReason.INSUFFICIENT_FUNDS));
    }

    @Test
    void chargeBackNeverOverdrawsAndRecordsTheShortfall() {
        ChargeBack chargeBack = WalletRules.chargeBack(500, wallet(A, 200), EntryKind.REFUND);

        assertThat(chargeBack.recovered()).isEqualTo(200);
        assertThat(chargeBack.shortfall()).isEqualTo(300);
        assertThat(chargeBack.postings().changeOf(A)).isEqualTo(-200);
        assertThat(chargeBack.postings().entries())
                .anyMatch(p -> p.account() == Account.SHORTFALL && p.amount() == -300);
    }

    @Test
    void chargeBackCoveredByTheBalanceHasNoShortfall() {
        ChargeBack chargeBack = WalletRules.chargeBack(50, wallet(A, 200), EntryKind.DISPUTE);

        assertThat(chargeBack.shortfall()).isZero();
        assertThat(chargeBack.postings().entries()).noneMatch(p -> p.account() == Account.SHORTFALL);
    }

    @Test
    void depositAndReversalPostingsBalance() {
        assertThat(WalletRules.depositSettlement(70, A).changeOf(A)).isEqualTo(70);
        assertThat(WalletRules.withdrawalReversal(70, A).changeOf(A)).isEqualTo(70);
    }

    @Test
    void unbalancedPostingsAreRefused() {
        assertThatThrownBy(() -> Postings.of(Posting.wallet(A, 10, EntryKind.TRANSFER)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsDeclineCodesToCardDeclined() {
        assertThat(WalletRules.paymentFailureReason("card_declined")).isEqualTo(FailureReason.CARD_DECLINED);
        assertThat(WalletRules.paymentFailureReason("generic_decline")).isEqualTo(FailureReason.CARD_DECLINED);
        assertThat(WalletRules.paymentFailureReason("processing_error")).isEqualTo(FailureReason.PAYMENT_FAILED);
        assertThat(WalletRules.paymentFailureReason(null)).isEqualTo(FailureReason.PAYMENT_FAILED);
    }
}
