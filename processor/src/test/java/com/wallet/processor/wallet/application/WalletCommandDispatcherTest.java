package com.wallet.processor.wallet.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.messaging.WalletCommand;
import com.wallet.common.messaging.WithdrawFunds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WalletCommandDispatcherTest {

    private final List<String> handled = new ArrayList<>();
    private final WalletCommandDispatcher dispatcher = new WalletCommandDispatcher(
            t -> record("transfer"), d -> record("deposit"), w -> record("withdrawal"));

    private Outcome record(String what) {
        handled.add(what);
        return Outcome.COMPLETED;
    }

    private static final UUID TX = UUID.randomUUID();
    private static final UUID WALLET = UUID.randomUUID();
    private static final Map<Class<?>, WalletCommand> EXAMPLES = Map.of(
            TransferFunds.class, new TransferFunds(TX, WALLET, UUID.randomUUID(), 1, "USD"),
            DepositFunds.class, new DepositFunds(TX, WALLET, 1, "USD", "pm_card_visa"),
            WithdrawFunds.class, new WithdrawFunds(TX, WALLET, 1, "USD"));

    @Test
    void handlesEveryPermittedCommandType() {
        Class<?>[] permitted = WalletCommand.class.getPermittedSubclasses();

        assertThat(EXAMPLES.keySet()).containsExactlyInAnyOrder(permitted);
        for (Class<?> type : permitted) {
            assertThat(dispatcher.dispatch(EXAMPLES.get(type))).isEqualTo(Outcome.COMPLETED);
        }
        assertThat(handled).containsExactlyInAnyOrder("transfer", "deposit", "withdrawal");
    }

    @Test
    void routesEachCommandToItsUseCase() {
        dispatcher.dispatch(EXAMPLES.get(WithdrawFunds.class));

        assertThat(handled).containsExactly("withdrawal");
    }
}
