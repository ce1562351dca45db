package com.wallet.chaos;

/**
 * One planned request of the workload, fixed by the seed and its index. Wallets are indexes into
 * the run's wallets ({@code < Workload.HOT_WALLETS} are the hot ones). {@code duplicate}: the same
 * request is sent again with the same idempotency key, and must get the same transaction id.
 */
sealed interface Operation {

    int index();

    boolean duplicate();

    String kind();

    record Deposit(int index, int wallet, long amount, String paymentMethod, boolean authenticate, boolean duplicate)
            implements Operation {
        public String kind() {
            return "deposit/" + paymentMethod;
        }
    }

    record Transfer(int index, int from, int to, long amount, boolean duplicate) implements Operation {
        public String kind() {
            return "transfer";
        }
    }

    record Withdrawal(int index, int wallet, long amount, boolean duplicate) implements Operation {
        public String kind() {
            return "withdrawal";
        }
    }
}
