package com.wallet.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The seeded sequence of operations: operation i is the same in every run of a seed, whichever
 * worker thread takes it and whenever. Half the picks go to the hot wallets.
 */
final class OperationStream {

    static final List<String> PAYMENT_METHODS = List.of("pm_card_visa", "pm_card_chargeDeclined",
            "pm_card_chargeDeclinedInsufficientFunds", "pm_card_threeDSecure2Required", "pm_usBankAccount");

    private final Random random;
    private final int wallets;
    private final List<Operation> generated = new ArrayList<>();

    OperationStream(long seed, int wallets) {
        this.random = new Random(seed);
        this.wallets = wallets;
    }

    /** Operation {@code index}, generating the stream up to it in order. */
    synchronized Operation get(int index) {
        while (generated.size() <= index) {
            generated.add(next(generated.size()));
        }
        return generated.get(index);
    }

    private Operation next(int index) {
        boolean duplicate = random.nextInt(10) == 0;
        int roll = random.nextInt(100);
        if (roll < 35) {
            String method = PAYMENT_METHODS.get(random.nextInt(PAYMENT_METHODS.size()));
            return new Operation.Deposit(index, wallet(), 100 + random.nextInt(20_000), method, random.nextBoolean(),
                    duplicate);
        }
        if (roll < 85) {
            int from = wallet();
            int to = (from + 1 + random.nextInt(wallets - 1)) % wallets;
            return new Operation.Transfer(index, from, to, 1 + random.nextInt(5_000), duplicate);
        }
        return new Operation.Withdrawal(index, wallet(), 1 + random.nextInt(3_000), duplicate);
    }

    private int wallet() {
        return random.nextBoolean() ? random.nextInt(Workload.HOT_WALLETS) : random.nextInt(wallets);
    }
}
