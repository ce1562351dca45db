package com.wallet.checker;

import com.sun.net.httpserver.HttpServer;
import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.common.messaging.WalletPosting;
import com.wallet.common.outbox.OutboxStatements;
import com.wallet.testsupport.LocalServices;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small, consistent world for the checker: the real schema in PostgreSQL, a real wallet.transactions
 * topic (one per test) and a Stripe object store served over HTTP as the emulator serves it. It is
 * written the way the product writes it (postings, balances, outbox rows through the product's own
 * append statement, then relayed), so a clean check passes and each test breaks one thing.
 */
final class CheckerWorld implements AutoCloseable {

    static final String DATABASE = "wallet_checker_test";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static int topics;

    final String jdbcUrl = LocalServices.jdbcUrl(DATABASE);
    final String kafka = LocalServices.kafkaBootstrap();
    final String topic = "wallet.transactions.check" + (++topics) + "." + System.nanoTime();
    final List<Map<String, Object>> paymentIntents = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> charges = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> transfers = new CopyOnWriteArrayList<>();
    private final HttpServer emulator;
    private final KafkaProducer<String, String> producer;

    final UUID alice = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();
    final UUID deposit = UUID.randomUUID();
    final UUID declinedDeposit = UUID.randomUUID();
    final UUID transfer = UUID.randomUUID();
    final UUID withdrawal = UUID.randomUUID();
    final UUID refusedWithdrawal = UUID.randomUUID();

    CheckerWorld() throws Exception {
        Flyway flyway = Flyway.configure().dataSource(jdbcUrl, LocalServices.username(), LocalServices.password())
                .locations("classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        emulator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        emulator.createContext("/_emulator/objects", exchange -> {
            String type = exchange.getRequestURI().getQuery().replace("type=", "");
            List<Map<String, Object>> objects = switch (type) {
                case "payment_intent" -> paymentIntents;
                case "charge" -> charges;
                case "transfer" -> transfers;
                default -> List.of();
            };
            byte[] body = JSON.writeValueAsString(objects).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        emulator.start();
    }

    CheckerConfig config() {
        return new CheckerConfig(jdbcUrl, LocalServices.username(), LocalServices.password(), kafka, topic,
                URI.create("http://127.0.0.1:" + emulator.getAddress().getPort()), null, null,
                CheckerConfig.DEFAULT_DEADLINE, CheckerConfig.DEFAULT_OUTBOX_DEADLINE);
    }

    Report check() {
        return new InvariantChecker(config()).run();
    }

    /**
     * alice deposits 100.00 by card (COMPLETED) and has a declined card (FAILED), pays bob 25.00,
     * bob withdraws 10.00 (COMPLETED, Transfer at Stripe) and is refused 99.00 for funds.
     * Balances: alice 75.00, bob 15.00. Nothing is relayed yet: see {@link #relay()}.
     */
    CheckerWorld standardScenario() throws SQLException {
        write(c -> {
            wallet(c, alice, "alice");
            wallet(c, bob, "bob");

            transaction(c, deposit, alice, null, "DEPOSIT", 10_000);
            event(c, deposit, alice, null, TransactionType.DEPOSIT, TransactionStatus.PENDING, 10_000, null, List.of());
            event(c, deposit, alice, null, TransactionType.DEPOSIT, TransactionStatus.PROCESSING, 10_000, null, List.of());
            post(c, deposit, "WALLET", alice, 10_000, "DEPOSIT");
            post(c, deposit, "STRIPE_CLEARING", null, -10_000, "DEPOSIT");
            finish(c, deposit, "COMPLETED", null, "pi_ok", null);
            event(c, deposit, alice, null, TransactionType.DEPOSIT, TransactionStatus.COMPLETED, 10_000, null,
                    List.of(new WalletPosting(alice, 10_000)));
            paymentIntents.add(paymentIntent("pi_ok", "succeeded", 10_000, deposit));
            charges.add(Map.of("id", "ch_ok", "payment_intent", "pi_ok", "amount", 10_000, "amount_refunded", 0, "currency", "usd"));

            transaction(c, declinedDeposit, alice, null, "DEPOSIT", 5_000);
            event(c, declinedDeposit, alice, null, TransactionType.DEPOSIT, TransactionStatus.PENDING, 5_000, null, List.of());
            finish(c, declinedDeposit, "FAILED", "CARD_DECLINED", "pi_declined", null);
            event(c, declinedDeposit, alice, null, TransactionType.DEPOSIT, TransactionStatus.FAILED, 5_000,
                    FailureReason.CARD_DECLINED, List.of());
            paymentIntents.add(paymentIntent("pi_declined", "requires_payment_method", 5_000, declinedDeposit));

            transaction(c, transfer, alice, bob, "TRANSFER", 2_500);
            event(c, transfer, alice, bob, TransactionType.TRANSFER, TransactionStatus.PENDING, 2_500, null, List.of());
            post(c, transfer, "WALLET", alice, -2_500, "TRANSFER");
            post(c, transfer, "WALLET", bob, 2_500, "TRANSFER");
            finish(c, transfer, "COMPLETED", null, null, null);
            event(c, transfer, alice, bob, TransactionType.TRANSFER, TransactionStatus.COMPLETED, 2_500, null,
                    List.of(new WalletPosting(alice, -2_500), new WalletPosting(bob, 2_500)));

            transaction(c, withdrawal, bob, null, "WITHDRAWAL", 1_000);
            event(c, withdrawal, bob, null, TransactionType.WITHDRAWAL, TransactionStatus.PENDING, 1_000, null, List.of());
            post(c, withdrawal, "WALLET", bob, -1_000, "WITHDRAWAL");
            post(c, withdrawal, "STRIPE_CLEARING", null, 1_000, "WITHDRAWAL");
            finish(c, withdrawal, "PROCESSING", null, null, null);
            event(c, withdrawal, bob, null, TransactionType.WITHDRAWAL, TransactionStatus.PROCESSING, 1_000, null,
                    List.of(new WalletPosting(bob, -1_000)));
            finish(c, withdrawal, "COMPLETED", null, null, "tr_ok");
            event(c, withdrawal, bob, null, TransactionType.WITHDRAWAL, TransactionStatus.COMPLETED, 1_000, null, List.of());
            transfers.add(transfer("tr_ok", 1_000, withdrawal));

            transaction(c, refusedWithdrawal, bob, null, "WITHDRAWAL", 9_900);
            event(c, refusedWithdrawal, bob, null, TransactionType.WITHDRAWAL, TransactionStatus.PENDING, 9_900, null, List.of());
            finish(c, refusedWithdrawal, "FAILED", "INSUFFICIENT_FUNDS", null, null);
            event(c, refusedWithdrawal, bob, null, TransactionType.WITHDRAWAL, TransactionStatus.FAILED, 9_900,
                    FailureReason.INSUFFICIENT_FUNDS, List.of());

            sql(c, "UPDATE wallets SET balance = 7500 WHERE id = '" + alice + "'");
            sql(c, "UPDATE wallets SET balance = 1500 WHERE id = '" + bob + "'");
        });
        return this;
    }

    /** The outbox relay's job: every unpublished event to the topic in order, keyed by wallet, then marked. */
    CheckerWorld relay() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            List<String[]> rows = new ArrayList<>();
            try (var rs = s.executeQuery("SELECT sequence, wallet_id::text, jsonb_set(payload, '{sequence}', to_jsonb(sequence))::text "
                    + "FROM outbox_events WHERE published_at IS NULL ORDER BY sequence")) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            for (String[] row : rows) {
                producer.send(new ProducerRecord<>(topic, row[1], row[2])).get();
            }
            s.executeUpdate("UPDATE outbox_events SET published_at = now() - interval '1 second' WHERE published_at IS NULL");
        }
        return this;
    }

    /** Sends a record straight to the topic, as a redelivery or a stray producer would. */
    void sendRaw(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, LocalServices.username(), LocalServices.password());
    }

    interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    /** One database transaction, as the product writes (the ledger's zero-sum check runs at commit). */
    void write(SqlWork work) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            work.run(c);
            c.commit();
        }
    }

    /**
     * Runs SQL behind the product's back (the damage a test inflicts), as a superuser that skips
     * triggers for this transaction: the database refuses to change postings to everyone else
     * (contract 6.9), and the checker must still catch what such a superuser could do.
     */
    void tamper(String... statements) throws SQLException {
        write(c -> {
            sql(c, "SET LOCAL session_replication_role = replica");
            for (String statement : statements) {
                sql(c, statement);
            }
        });
    }

    void event(Connection c, UUID tx, UUID wallet, UUID counterparty, TransactionType type, TransactionStatus status,
               long amount, FailureReason reason, List<WalletPosting> postings) throws SQLException {
        TransactionEvent event = TransactionEvent.of(tx, wallet, counterparty, type, status, amount, "USD", reason,
                postings, Instant.now());
        String sql = OutboxStatements.APPEND.replace(":eventId", "?::uuid").replace(":transactionId", "?::uuid")
                .replace(":walletId", "?::uuid").replace(":payload", "?");
        // The statement names :walletId twice; bind every occurrence in order.
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, wallet.toString());
            ps.setString(2, event.eventId().toString());
            ps.setString(3, tx.toString());
            ps.setString(4, wallet.toString());
            ps.setString(5, JSON.writeValueAsString(event));
            ps.executeUpdate();
        }
    }

    private static void wallet(Connection c, UUID id, String user) throws SQLException {
        sql(c, "INSERT INTO wallets (id, user_id, currency) VALUES ('" + id + "', '" + user + "', 'USD')");
    }

    void transaction(Connection c, UUID id, UUID wallet, UUID counterparty, String type, long amount) throws SQLException {
        sql(c, "INSERT INTO transactions (id, wallet_id, counterparty_wallet_id, user_id, type, status, amount, currency, "
                + "request_fingerprint) VALUES ('" + id + "', '" + wallet + "', " + (counterparty == null ? "NULL" : "'" + counterparty + "'")
                + ", 'u', '" + type + "', 'PENDING', " + amount + ", 'USD', 'fp')");
    }

    static void post(Connection c, UUID tx, String account, UUID wallet, long amount, String kind) throws SQLException {
        sql(c, "INSERT INTO ledger_entries (transaction_id, account, wallet_id, amount, currency, entry_kind) VALUES ('"
                + tx + "', '" + account + "', " + (wallet == null ? "NULL" : "'" + wallet + "'") + ", " + amount + ", 'USD', '" + kind + "')");
    }

    private static void finish(Connection c, UUID tx, String status, String reason, String pi, String tr) throws SQLException {
        sql(c, "UPDATE transactions SET status = '" + status + "', failure_reason = " + (reason == null ? "NULL" : "'" + reason + "'")
                + ", stripe_payment_intent_id = coalesce(stripe_payment_intent_id, " + (pi == null ? "NULL" : "'" + pi + "'")
                + "), stripe_transfer_id = coalesce(stripe_transfer_id, " + (tr == null ? "NULL" : "'" + tr + "'")
                + ") WHERE id = '" + tx + "'");
    }

    static Map<String, Object> paymentIntent(String id, String status, long amount, UUID tx) {
        Map<String, Object> pi = new LinkedHashMap<>();
        pi.put("id", id);
        pi.put("object", "payment_intent");
        pi.put("status", status);
        pi.put("amount", amount);
        pi.put("amount_received", status.equals("succeeded") ? amount : 0);
        pi.put("currency", "usd");
        pi.put("metadata", Map.of("transaction_id", tx.toString()));
        return pi;
    }

    static Map<String, Object> transfer(String id, long amount, UUID tx) {
        Map<String, Object> tr = new LinkedHashMap<>();
        tr.put("id", id);
        tr.put("object", "transfer");
        tr.put("amount", amount);
        tr.put("amount_reversed", 0);
        tr.put("currency", "usd");
        tr.put("metadata", Map.of("transaction_id", tx.toString()));
        return tr;
    }

    static void sql(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() {
        producer.close();
        emulator.stop(0);
    }
}
