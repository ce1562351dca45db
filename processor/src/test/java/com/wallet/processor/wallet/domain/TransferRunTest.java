package com.wallet.processor.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.money.Money;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransferRunTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID FROZEN = UUID.randomUUID();
    private static final UUID EURO = UUID.randomUUID();

    private final Map<UUID, WalletState> wallets = Map.of(
            A, new WalletState(A, 300, "USD", true),
            B, new WalletState(B, 0, "USD", true),
            FROZEN, new WalletState(FROZEN, 500, "USD", false),
            EURO, new WalletState(EURO, 500, "EUR", true));

    @Test
    void eachTransferSeesTheBalancesLeftByTheOnesBeforeIt() {
        List<TransferRun.Verdict> verdicts = TransferRun.decide(List.of(
                request(A, B, 200), request(A, B, 200), request(B, A, 150), request(A, B, 250)), wallets);

        assertThat(statuses(verdicts)).containsExactly(TransactionStatus.COMPLETED, TransactionStatus.FAILED,
                TransactionStatus.COMPLETED, TransactionStatus.COMPLETED);
        assertThat(((TransferRun.Decided) verdicts.get(1)).transition().reason()).isEqualTo(FailureReason.INSUFFICIENT_FUNDS);
        List<Transition> transitions = verdicts.stream().map(v -> ((TransferRun.Decided) v).transition()).toList();
        // A: 300 - 200 + 150 - 250 = 0; B: 0 + 200 - 150 + 250 = 300
        assertThat(Transition.netBalanceChanges(transitions)).containsExactlyInAnyOrderEntriesOf(Map.of(A, -300L, B, 300L));
    }

    @Test
    void aFrozenWalletFailsItsTransferAndMovesNothing() {
        TransferRun.Verdict verdict = TransferRun.decide(List.of(request(FROZEN, B, 100)), wallets).get(0);

        Transition t = ((TransferRun.Decided) verdict).transition();
        assertThat(t.to()).isEqualTo(TransactionStatus.FAILED);
        assertThat(t.reason()).isEqualTo(FailureReason.WALLET_INACTIVE);
        assertThat(t.movesMoney()).isFalse();
    }

    @Test
    void aMissingWalletOrAnotherCurrencyIsUnappliable() {
        List<TransferRun.Verdict> verdicts = TransferRun.decide(List.of(
                request(A, UUID.randomUUID(), 1), request(A, EURO, 1), request(A, B, 1)), wallets);

        assertThat(verdicts.get(0)).isInstanceOf(TransferRun.Unappliable.class);
        assertThat(verdicts.get(1)).isInstanceOf(TransferRun.Unappliable.class);
        assertThat(verdicts.get(2)).isInstanceOf(TransferRun.Decided.class);
    }

    @Test
    void netChangesLeaveOutWalletsThatEndWhereTheyStarted() {
        List<TransferRun.Verdict> verdicts = TransferRun.decide(List.of(request(A, B, 100), request(B, A, 100)), wallets);

        List<Transition> transitions = verdicts.stream().map(v -> ((TransferRun.Decided) v).transition()).toList();
        assertThat(Transition.netBalanceChanges(transitions)).isEmpty();
    }

    private static TransferRun.Request request(UUID from, UUID to, long amount) {
        return new TransferRun.Request(UUID.randomUUID(), from, to, Money.of(amount, "USD"));
    }

    private static List<TransactionStatus> statuses(List<TransferRun.Verdict> verdicts) {
        return verdicts.stream().map(v -> ((TransferRun.Decided) v).transition().to()).toList();
    }
}
