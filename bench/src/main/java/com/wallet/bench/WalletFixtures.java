package com.wallet.bench;

import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.common.outbox.OutboxStatements;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bench rows in the real wallet database. Wallets are created empty (no money appears here): the
 * bench funds them through the product ({@link Treasury}). Transfers are inserted as PENDING rows with
 * their PENDING events the way the gateway inserts them, and only the processor moves money. Bench users are named
 * {@code bench-<run>-...}, so bench data is easy to tell apart (and to leave out of reports).
 */
final class WalletFixtures {

    static final String CURRENCY = "USD";

    private static final String INSERT_WALLET = """
            INSERT INTO wallets (id, user_id, currency, balance, label) VALUES (?, ?, ?, 0, 'bench')""";

    private static final String INSERT_TRANSACTION = """
            INSERT INTO transactions (id, wallet_id, counterparty_wallet_id, user_id, type, status, amount, currency,
                                      idempotency_key, request_fingerprint)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final NamedSql APPEND_EVENT = NamedSql.of(OutboxStatements.APPEND);

    private final BenchOptions options;
    private final JsonMapper json = JsonMapper.builder().build();

    WalletFixtures(BenchOptions options) {
        this.options = options;
    }

    /** A planned transfer: its transaction id is also its command id. */
    record Transfer(UUID id, UUID from, UUID to, long amount, String userId) {
    }

    /** Creates {@code count} empty wallets of {@code userId}. */
    List<UUID> wallets(String userId, int count) throws SQLException {
        List<UUID> wallets = new ArrayList<>(count);
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement w = c.prepareStatement(INSERT_WALLET)) {
                for (int i = 0; i < count; i++) {
                    UUID wallet = UUID.randomUUID();
                    wallets.add(wallet);
                    w.setObject(1, wallet);
                    w.setString(2, userId);
                    w.setString(3, CURRENCY);
                    w.addBatch();
                    if ((i + 1) % 1000 == 0) {
                        w.executeBatch();
                    }
                }
                w.executeBatch();
            }
            c.commit();
        }
        return wallets;
    }

    /**
     * Inserts the PENDING transfer rows the processor requires before it applies a TransferFunds,
     * each with its PENDING event, as the gateway writes them: in one transaction, the event through
     * the shared {@link OutboxStatements#APPEND} (so the wallet's walletSequence stays contiguous).
     */
    void insertPending(List<Transfer> transfers) throws SQLException {
        Instant now = Instant.now();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement t = c.prepareStatement(INSERT_TRANSACTION);
                 PreparedStatement e = c.prepareStatement(APPEND_EVENT.jdbc())) {
                int n = 0;
                for (Transfer transfer : transfers) {
                    t.setObject(1, transfer.id());
                    t.setObject(2, transfer.from());
                    t.setObject(3, transfer.to());
                    t.setString(4, transfer.userId());
                    t.setString(5, "TRANSFER");
                    t.setString(6, "PENDING");
                    t.setLong(7, transfer.amount());
                    t.setString(8, CURRENCY);
                    t.setString(9, "bench-" + transfer.id());
                    t.setString(10, fingerprint("TRANSFER:" + transfer.from() + ":" + transfer.to() + ":"
                            + transfer.amount() + ":" + CURRENCY));
                    t.addBatch();
                    pendingEvent(e, TransactionEvent.of(transfer.id(), transfer.from(), transfer.to(),
                            TransactionType.TRANSFER, TransactionStatus.PENDING, transfer.amount(), CURRENCY, null,
                            List.of(), now));
                    e.addBatch();
                    if (++n % 1000 == 0) {
                        t.executeBatch();
                        e.executeBatch();
                    }
                }
                t.executeBatch();
                e.executeBatch();
            }
            c.commit();
        }
    }

    private void pendingEvent(PreparedStatement e, TransactionEvent event) throws SQLException {
        List<String> names = APPEND_EVENT.names();
        for (int i = 0; i < names.size(); i++) {
            switch (names.get(i)) {
                case "eventId" -> e.setObject(i + 1, event.eventId());
                case "transactionId" -> e.setObject(i + 1, event.transactionId());
                case "walletId" -> e.setObject(i + 1, event.walletId());
                case "payload" -> e.setString(i + 1, json.writeValueAsString(event));
                default -> throw new IllegalStateException("OutboxStatements.APPEND names :" + names.get(i)
                        + ", which the bench does not know");
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(options.databaseUrl(), options.databaseUser(), options.databasePassword());
    }

    static String fingerprint(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
