package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.wallet.common.crypto.DecryptionException;
import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.crypto.Fingerprints;
import com.wallet.common.crypto.KeyRing;
import com.wallet.common.idempotency.RequestFingerprint;
import com.wallet.common.messaging.CommandCodec;
import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.Topics;
import com.wallet.common.messaging.TransactionType;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.messaging.WalletCommand;
import com.wallet.rekey.RekeyMain;
import com.wallet.testsupport.LocalServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * A key rotation end to end (contract section 8), with its own database and broker so that no other
 * suite's processor shares the consumer group or sees the rewritten rows: values and commands
 * sealed under key A (some in the format from before purpose keys), a processor restarted with
 * current B and previous A applying the commands still in flight, {@code bin/wallet rekey} moving
 * everything to B (refusing to finish while A commands wait on Kafka, finishing once they are
 * consumed), then a processor with B alone reading everything, nothing lost.
 */
class KeyRotationIT {

    private static final String A = LocalServices.ENCRYPTION_KEY;
    private static final String B = Base64.getEncoder().encodeToString(
            "rotated-master-key-0123456789abc".getBytes(StandardCharsets.US_ASCII));
    private static final KeyRing RING_A = KeyRing.parse(A, "");
    private static final KeyRing RING_B = KeyRing.parse(B, "");
    private static final String DATABASE = "wallet_processor_keys_test";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedKafkaKraftBroker kafka;
    private static KafkaProducer<String, String> producer;
    private static JdbcClient jdbc;
    private static ConfigurableApplicationContext processor;

    @BeforeAll
    static void ownBrokerAndDatabase() {
        kafka = new EmbeddedKafkaKraftBroker(1, 12, Topics.WALLET_COMMANDS, Topics.WALLET_COMMANDS_DLQ,
                Topics.STRIPE_EVENTS, Topics.STRIPE_EVENTS + ".dlq", Topics.WALLET_TRANSACTIONS);
        kafka.brokerProperties(Map.of("offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        kafka.afterPropertiesSet();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        DriverManagerDataSource dataSource = new DriverManagerDataSource(LocalServices.jdbcUrl(DATABASE),
                LocalServices.username(), LocalServices.password());
        jdbc = JdbcClient.create(dataSource);
        // A fresh schema each run (the first processor's Flyway builds it, as the owner; the processors and
        // rekey connect as wallet_app): counts in the output are this run's.
        jdbc.sql("DROP SCHEMA public CASCADE").update();
        jdbc.sql("CREATE SCHEMA public").update();
    }

    @AfterAll
    static void stop() {
        if (processor != null) {
            processor.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    void aRotationLosesNothingAndTheOldKeyCanGo() throws Exception {
        // 1. Before the rotation: a processor with A alone; its schema, wallets, some applied transfers.
        startProcessor(A, "");
        WalletFixture wallets = new WalletFixture(jdbc);
        UUID w1 = wallets.aWalletWith(10_000);
        UUID w2 = wallets.aWalletWith(0);
        setBankDetails(w1, RING_A.cipher(KeyRing.Purpose.AT_REST).seal(bytes("{\"accountNumber\":\"DE89-1\"}"),
                "wallets.bank_details:" + w1));
        setBankDetails(w2, legacySeal(A, "{\"accountNumber\":\"DE89-2\"}", "wallets.bank_details:" + w2));
        List<TransferFunds> applied = List.of(transfer(wallets, w1, w2, 100, "rent-1111", false),
                transfer(wallets, w1, w2, 200, "food-2222", false));
        applied.forEach(t -> send(commandsA(), t));
        awaitStatus(applied.stream().map(TransferFunds::transactionId).toList(), "COMPLETED");
        processor.close();

        // 2. In flight while no processor runs: commands under A, one in the format from before purpose keys;
        //    the gateway's command outbox holds them as published.
        List<TransferFunds> inFlight = List.of(transfer(wallets, w1, w2, 300, "gift-3333", false),
                transfer(wallets, w1, w2, 400, null, true));
        send(commandsA(), inFlight.get(0));
        outbox(commandsA().seal(inFlight.get(0)));
        CommandEnvelope legacyEnvelope = legacyCommand(inFlight.get(1));
        sendRaw(legacyEnvelope);
        outbox(legacyEnvelope);

        // 3. Rekey with B current, A previous: the database moves to B, but it refuses to finish while
        //    A commands wait on Kafka.
        Run first = rekey(B, A);
        assertThat(first.exitCode()).as(first.output()).isEqualTo(1);
        assertThat(first.output()).contains("re-encrypted").containsPattern("wallet\\.commands: [12] unconsumed records under an older key \\(keep")
                .contains("REKEY incomplete").doesNotContain("DE89").doesNotContain("rent-1111");
        assertThat(FieldCipher.keyIdOf(bankDetails(w2))).isEqualTo(RING_B.currentKeyId());

        // 4. A gateway not yet restarted still writes under A during the rollout: a deposit.
        DepositFunds deposit = deposit(wallets, w1, 700);
        send(commandsA(), deposit);

        // 5. The processor restarted with current=B, previous=A applies what A sealed.
        startProcessor(B, A);
        List<UUID> second = new ArrayList<>(inFlight.stream().map(TransferFunds::transactionId).toList());
        awaitStatus(second, "COMPLETED");
        await().atMost(PATIENCE).until(() -> wallets.row(deposit.transactionId()).get("stripe_payment_intent_id") != null);

        // 6. Rekey again: once the processors committed past the A commands, nothing under A remains. A rerun is a no-op.
        await().atMost(PATIENCE).until(() -> rekey(B, A).exitCode() == 0);
        Run rerun = rekey(B, A);
        assertThat(rerun.exitCode()).as(rerun.output()).isZero();
        assertThat(rerun.output()).contains("REKEY done").contains("0 re-encrypted")
                .contains("wallet.commands: 0 unconsumed records under an older key");
        processor.close();

        // 7. B alone: new commands apply, and every stored value reads without A.
        startProcessor(B, "");
        TransferFunds after = transfer(wallets, w1, w2, 500, "after-4444", false);
        send(new CommandCodec(RING_B.cipher(KeyRing.Purpose.COMMANDS), JSON), after);
        awaitStatus(List.of(after.transactionId()), "COMPLETED");

        FieldCipher atRest = processor.getBean(FieldCipher.class);
        assertThat(text(atRest.open(bankDetails(w1), "wallets.bank_details:" + w1))).contains("DE89-1");
        assertThat(text(atRest.open(bankDetails(w2), "wallets.bank_details:" + w2))).contains("DE89-2");
        Map<UUID, String> descriptions = Map.of(applied.get(0).transactionId(), "rent-1111",
                applied.get(1).transactionId(), "food-2222", inFlight.get(0).transactionId(), "gift-3333");
        descriptions.forEach((id, text) -> assertThat(text(atRest.open(description(id), "transactions.description:" + id)))
                .isEqualTo(text));
        assertThat(text(atRest.open((byte[]) wallets.row(deposit.transactionId()).get("payment_method"),
                "transactions.payment_method:" + deposit.transactionId()))).isEqualTo("pm_card_visa");
        Fingerprints fingerprints = RING_B.fingerprints();
        for (TransferFunds t : List.of(applied.get(0), applied.get(1), inFlight.get(0), inFlight.get(1))) {
            String stored = (String) wallets.row(t.transactionId()).get("request_fingerprint");
            assertThat(fingerprints.matches(stored, canonical(t, descriptions.get(t.transactionId())))).isTrue();
        }
        CommandCodec onlyB = new CommandCodec(RING_B.cipher(KeyRing.Purpose.COMMANDS), JSON);
        assertThat(outboxEnvelopes()).hasSize(2).allSatisfy(envelope -> assertThat(onlyB.open(envelope)).isNotNull());
        // A is really gone: what it sealed no longer opens.
        assertThatThrownBy(() -> atRest.open(RING_A.cipher(KeyRing.Purpose.AT_REST).seal(new byte[] {1}, "x"), "x"))
                .isInstanceOf(DecryptionException.class);

        // Nothing lost: every transfer applied once, the money where it should be.
        assertThat(wallets.balance(w2)).isEqualTo(100 + 200 + 300 + 400 + 500).isEqualTo(wallets.postingsOf(w2));
        // the deposit is credited once Stripe (the stub, through the reconciler) says it succeeded
        long credited = "COMPLETED".equals(wallets.status(deposit.transactionId())) ? 700 : 0;
        assertThat(wallets.balance(w1)).isEqualTo(10_000 - 1_500 + credited).isEqualTo(wallets.postingsOf(w1));
        assertThat(jdbc.sql("SELECT count(*) FROM transactions WHERE status = 'FAILED'").query(Long.class).single()).isZero();
    }

    private static void startProcessor(String current, String previous) {
        Map<String, Object> props = new HashMap<>(ProcessorIntegrationTest.allProperties());
        props.put("spring.datasource.url", LocalServices.jdbcUrl(DATABASE));
        props.put("spring.kafka.bootstrap-servers", kafka.getBrokersAsString());
        props.put("wallet.encryption.key", current);
        props.put("wallet.encryption.previous-keys", previous);
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        processor = new SpringApplicationBuilder(ProcessorApplication.class).run(args);
    }

    private record Run(int exitCode, String output) {
    }

    /** As bin/wallet rekey runs it: as the services' application role (wallet_app), not the owner. */
    private static Run rekey(String current, String previous) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int rc = RekeyMain.run(new String[] {"--batch-size", "2"}, Map.of(
                "ENCRYPTION_SECRET_KEY", current, "ENCRYPTION_PREVIOUS_KEYS", previous,
                "DATABASE_URL", LocalServices.jdbcUrl(DATABASE), "DATABASE_USERNAME", LocalServices.appUsername(),
                "DATABASE_PASSWORD", LocalServices.appPassword(), "KAFKA_BOOTSTRAP_SERVERS", kafka.getBrokersAsString()),
                print, print);
        return new Run(rc, out.toString(StandardCharsets.UTF_8));
    }

    private static CommandCodec commandsA() {
        return new CommandCodec(RING_A.cipher(KeyRing.Purpose.COMMANDS), JSON);
    }

    /** A PENDING transfer as the gateway on key A writes it: description sealed, request fingerprint keyed. */
    private static TransferFunds transfer(WalletFixture wallets, UUID from, UUID to, long amount, String description,
                                          boolean legacy) throws Exception {
        TransferFunds transfer = wallets.pendingTransfer(from, to, amount);
        UUID id = transfer.transactionId();
        byte[] sealed = description == null ? null : legacy
                ? legacySeal(A, description, "transactions.description:" + id)
                : RING_A.cipher(KeyRing.Purpose.AT_REST).seal(bytes(description), "transactions.description:" + id);
        String canonical = canonical(transfer, description);
        String fingerprint = legacy ? legacyFingerprint(canonical) : RING_A.fingerprints().of(canonical);
        jdbc.sql("UPDATE transactions SET description = :d, request_fingerprint = :f WHERE id = :id")
                .param("d", sealed).param("f", fingerprint).param("id", id).update();
        return transfer;
    }

    private static DepositFunds deposit(WalletFixture wallets, UUID wallet, long amount) {
        DepositFunds deposit = wallets.pendingDeposit(wallet, amount, "pm_card_visa", RING_A.cipher(KeyRing.Purpose.AT_REST));
        String canonical = RequestFingerprint.of(TransactionType.DEPOSIT, wallet, null, amount, "USD", null, "pm_card_visa");
        jdbc.sql("UPDATE transactions SET request_fingerprint = :f WHERE id = :id")
                .param("f", RING_A.fingerprints().of(canonical)).param("id", deposit.transactionId()).update();
        return deposit;
    }

    private static String canonical(TransferFunds t, String description) {
        return RequestFingerprint.of(TransactionType.TRANSFER, t.walletId(), t.toWalletId(), t.amount(), "USD",
                description, null);
    }

    private static void send(CommandCodec codec, WalletCommand command) {
        sendRaw(codec.seal(command));
    }

    private static void sendRaw(CommandEnvelope envelope) {
        try {
            producer.send(new ProducerRecord<>(Topics.WALLET_COMMANDS, envelope.walletId(),
                    JSON.writeValueAsString(envelope))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test send failed", e);
        }
    }

    private static void outbox(CommandEnvelope envelope) {
        jdbc.sql("INSERT INTO command_outbox (command_id, wallet_id, envelope, published_at) "
                        + "VALUES (:id, :w, CAST(:e AS jsonb), now())")
                .param("id", UUID.fromString(envelope.commandId())).param("w", UUID.fromString(envelope.walletId()))
                .param("e", JSON.writeValueAsString(envelope)).update();
    }

    private static List<CommandEnvelope> outboxEnvelopes() {
        return jdbc.sql("SELECT envelope::text FROM command_outbox").query(String.class).list().stream()
                .map(text -> JSON.readValue(text, CommandEnvelope.class)).toList();
    }

    private static void awaitStatus(List<UUID> ids, String status) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM transactions WHERE id IN (:ids) AND status = :s")
                .param("ids", ids).param("s", status).query(Long.class).single() == ids.size());
    }

    private static void setBankDetails(UUID wallet, byte[] sealed) {
        jdbc.sql("UPDATE wallets SET bank_details = :b WHERE id = :id").param("b", sealed).param("id", wallet).update();
    }

    private static byte[] bankDetails(UUID wallet) {
        return jdbc.sql("SELECT bank_details FROM wallets WHERE id = :id").param("id", wallet).query(byte[].class).single();
    }

    private static byte[] description(UUID tx) {
        return jdbc.sql("SELECT description FROM transactions WHERE id = :id").param("id", tx).query(byte[].class).single();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A value as FieldCipher wrote it before purpose keys: version 1, key id "k1", the master key itself. */
    private static byte[] legacySeal(String master, String plaintext, String associatedData) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(master.getBytes(StandardCharsets.US_ASCII), "AES"),
                new GCMParameterSpec(128, nonce));
        cipher.updateAAD(bytes(associatedData));
        byte[] body = cipher.doFinal(bytes(plaintext));
        return ByteBuffer.allocate(4 + 12 + body.length).put((byte) 1).put((byte) 2)
                .put("k1".getBytes(StandardCharsets.US_ASCII)).put(nonce).put(body).array();
    }

    /** A wallet.commands envelope as the gateway sealed it before purpose keys. */
    private static CommandEnvelope legacyCommand(TransferFunds command) throws Exception {
        String aad = Topics.WALLET_COMMANDS + ":" + command.transactionId() + ":" + command.walletId();
        byte[] sealed = legacySeal(A, JSON.writeValueAsString((WalletCommand) command), aad);
        return new CommandEnvelope(command.transactionId().toString(), command.walletId().toString(), "k1",
                Base64.getEncoder().encodeToString(sealed));
    }

    /** A request fingerprint as the gateway stored it before purpose keys. */
    private static String legacyFingerprint(String canonical) throws Exception {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(A.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        byte[] subKey = derive.doFinal(bytes("wallet fingerprint v1"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(subKey, "HmacSHA256"));
        return "k1:" + HexFormat.of().formatHex(mac.doFinal(bytes(canonical)));
    }
}
