package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoOutputTest {

    private static final String ALICE = "11111111-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    private static final String BOB = "22222222-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
    private static final Map<String, String> NAMES = Map.of(ALICE, "alice", BOB, "bob");

    private static String event(String id, String wallet, int seq, String type, long amount, String postings) {
        return "{\"eventId\":\"" + id + "\",\"walletId\":\"" + wallet + "\",\"walletSequence\":" + seq + ",\"type\":\"" + type
                + "\",\"status\":\"COMPLETED\",\"amount\":" + amount + ",\"currency\":\"USD\",\"postings\":" + postings + "}";
    }

    @Test
    void shouldPrintEachEventOnceInOrderPerWalletWithNamedPostings() {
        List<String> values = List.of(
                event("e2", ALICE, 2, "TRANSFER", 2500, "[{\"walletId\":\"" + ALICE + "\",\"amount\":-2500},{\"walletId\":\"" + BOB + "\",\"amount\":2500}]"),
                event("e1", ALICE, 1, "DEPOSIT", 10000, "[{\"walletId\":\"" + ALICE + "\",\"amount\":10000}]"),
                event("e2", ALICE, 2, "TRANSFER", 2500, "[{\"walletId\":\"" + ALICE + "\",\"amount\":-2500},{\"walletId\":\"" + BOB + "\",\"amount\":2500}]"),
                event("e9", "99999999-cccc-4ccc-8ccc-cccccccccccc", 1, "DEPOSIT", 1, "[]"),
                "not json",
                event("e3", BOB, 1, "WITHDRAWAL", 1000, "[{\"walletId\":\"33333333-dddd\",\"amount\":-1000}]"),
                event("e4", BOB, 2, "WITHDRAWAL", 0, "[]"));

        List<String> lines = TransactionEvents.lines(values, NAMES);

        assertThat(lines).containsExactly(
                "    alice  #1   DEPOSIT    COMPLETED     10000 USD  postings: alice +10000",
                "    alice  #2   TRANSFER   COMPLETED      2500 USD  postings: alice -2500 bob +2500",
                "    bob    #1   WITHDRAWAL COMPLETED      1000 USD  postings: 33333333 -1000",
                "    bob    #2   WITHDRAWAL COMPLETED         0 USD  postings: -");
    }

    @Test
    void shouldPrintHistoryInColumnsWithAmountsInUnits() throws Exception {
        var history = GraphQlClient.JSON.readTree("[{\"createdAt\":\"2026-12-03T17:00:00.123456Z\",\"transactionType\":\"TRANSFER\","
                + "\"status\":\"COMPLETED\",\"amount\":2500,\"currency\":\"USD\",\"counterpartyWalletId\":\"" + BOB + "\",\"description\":\"demo transfer\"},"
                + "{\"createdAt\":\"2026-12-03T16:59:59Z\",\"transactionType\":\"DEPOSIT\",\"status\":\"COMPLETED\",\"amount\":10000,"
                + "\"currency\":\"USD\",\"counterpartyWalletId\":null,\"description\":null}]");

        assertThat(DemoCommand.historyLines(history)).containsExactly(
                "    2026-12-03T17:00:00.123456Z TRANSFER   COMPLETED      25.00 USD  " + BOB + " demo transfer",
                "    2026-12-03T16:59:59Z        DEPOSIT    COMPLETED     100.00 USD  -                                    ");
    }

    @Test
    void shouldWriteCentsAsUnits() {
        assertThat(DemoCommand.cents(10500)).isEqualTo("105.00");
        assertThat(DemoCommand.cents(5)).isEqualTo("0.05");
        assertThat(DemoCommand.cents(-2000)).isEqualTo("-20.00");
        assertThat(DemoCommand.cents(-5)).isEqualTo("-0.05");
    }
}
