package com.wallet.processor.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChargeBackDeltasTest {

    @Test
    void refundsComeFirstAndDisputesTakeOnlyWhatIsLeft() {
        assertThat(ChargeBackDeltas.of(1_000, 600, 1_000, 0, 0)).isEqualTo(new ChargeBackDeltas(600, 400));
    }

    @Test
    void nothingIsTakenBackTwiceWhenTheSameFactsArriveAgain() {
        assertThat(ChargeBackDeltas.of(1_000, 600, 1_000, 600, 400).none()).isTrue();
    }

    @Test
    void aDisputeWonGivesBackWhatItTook() {
        assertThat(ChargeBackDeltas.of(1_000, 0, 0, 0, 400)).isEqualTo(new ChargeBackDeltas(0, -400));
    }

    @Test
    void aRefundAfterADisputeMovesTheMoneyFromTheDisputeToTheRefund() {
        // Disputed in full, then refunded in full: the refund takes it, the dispute gives its share back.
        assertThat(ChargeBackDeltas.of(1_000, 1_000, 1_000, 0, 1_000)).isEqualTo(new ChargeBackDeltas(1_000, -1_000));
    }

    @Test
    void neverTakesBackMoreThanWasDeposited() {
        assertThat(ChargeBackDeltas.of(1_000, 5_000, 5_000, 0, 0)).isEqualTo(new ChargeBackDeltas(1_000, 0));
    }

    @Test
    void aReinstatementCoversTheOpenShortfallBeforeCreditingTheWallet() {
        UUID wallet = UUID.randomUUID();
        Postings postings = WalletRules.chargeBackReversal(1_000, 700, wallet);

        assertThat(postings.changeOf(wallet)).isEqualTo(300);
        assertThat(postings.entries()).contains(Posting.shortfall(700), Posting.clearing(-1_000, EntryKind.DISPUTE_REINSTATEMENT));
    }
}
