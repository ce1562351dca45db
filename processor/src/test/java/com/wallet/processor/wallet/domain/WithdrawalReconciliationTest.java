package com.wallet.processor.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.processor.wallet.domain.WithdrawalReconciliation.Absent;
import com.wallet.processor.wallet.domain.WithdrawalReconciliation.Action;
import com.wallet.processor.wallet.domain.WithdrawalReconciliation.CreateAnswer;
import com.wallet.processor.wallet.domain.WithdrawalReconciliation.Decision;
import com.wallet.processor.wallet.domain.WithdrawalReconciliation.Exists;
import com.wallet.processor.wallet.domain.WithdrawalReconciliation.Unknown;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WithdrawalReconciliationTest {

    @Test
    void completesWithATransferThatAgreesWithTheWithdrawal() {
        assertThat(WithdrawalReconciliation.forTransfer(new Exists("tr_1", 500, "usd"), false, 500, "USD"))
                .isEqualTo(new Decision(Action.COMPLETE, "tr_1"));
        assertThat(WithdrawalReconciliation.forTransfer(new Exists("tr_1", 500, "usd"), true, 500, "USD"))
                .isEqualTo(new Decision(Action.COMPLETE, "tr_1"));
    }

    @Test
    void waitsForAnOperatorWhenTheTransferDisagrees() {
        assertThat(WithdrawalReconciliation.forTransfer(new Exists("tr_1", 499, "usd"), false, 500, "USD").action())
                .isEqualTo(Action.WAIT);
        assertThat(WithdrawalReconciliation.forTransfer(new Exists("tr_1", 500, "eur"), false, 500, "USD").action())
                .isEqualTo(Action.WAIT);
    }

    @Test
    void createsAgainOnlyWhenNoTransferIsRecordedAndStripeHoldsNone() {
        assertThat(WithdrawalReconciliation.forTransfer(new Absent(), false, 500, "USD").action())
                .isEqualTo(Action.CREATE_AGAIN);
        assertThat(WithdrawalReconciliation.forTransfer(new Absent(), true, 500, "USD").action())
                .isEqualTo(Action.WAIT);
    }

    @Test
    void neverGivesTheMoneyBackOnAnUnknownAnswer() {
        assertThat(WithdrawalReconciliation.forTransfer(new Unknown(), false, 500, "USD").action()).isEqualTo(Action.WAIT);
        assertThat(WithdrawalReconciliation.afterCreate(CreateAnswer.AMBIGUOUS, null).action()).isEqualTo(Action.WAIT);
    }

    @Test
    void restoresOnlyAfterADefinitiveRefusal() {
        assertThat(WithdrawalReconciliation.afterCreate(CreateAnswer.REFUSED, null).action()).isEqualTo(Action.RESTORE);
        assertThat(WithdrawalReconciliation.afterCreate(CreateAnswer.CREATED, "tr_2"))
                .isEqualTo(new Decision(Action.COMPLETE, "tr_2"));
        assertThat(Arrays.stream(CreateAnswer.values()).map(a -> WithdrawalReconciliation.afterCreate(a, "tr_3").action()))
                .containsOnlyOnce(Action.RESTORE);
    }

    @Test
    void handlesEveryTransferState() {
        for (Class<?> type : WithdrawalReconciliation.TransferState.class.getPermittedSubclasses()) {
            assertThat(type).isIn(Exists.class, Absent.class, Unknown.class);
        }
    }

    @Test
    void givesBackAMissingRecordedTransferOnlyWhenTheGroupHasNoneEitherAfterTheTimeout() {
        Duration timeout = Duration.ofMinutes(10);
        assertThat(WithdrawalReconciliation.forMissingTransfer(new Absent(), Duration.ofMinutes(11), timeout).action())
                .isEqualTo(Action.RESTORE_MISSING);
        assertThat(WithdrawalReconciliation.forMissingTransfer(new Absent(), Duration.ofMinutes(1), timeout).action())
                .isEqualTo(Action.WAIT);
        assertThat(WithdrawalReconciliation.forMissingTransfer(new Exists("tr_2", 500, "usd"), Duration.ofDays(1), timeout)
                .action()).isEqualTo(Action.WAIT);
        assertThat(WithdrawalReconciliation.forMissingTransfer(new Unknown(), Duration.ofDays(1), timeout).action())
                .isEqualTo(Action.WAIT);
    }
}
