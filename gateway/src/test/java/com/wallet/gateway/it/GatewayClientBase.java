package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.messaging.Topics;
import com.wallet.testsupport.LocalServices;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway ITs share: HTTP calls with tokens signed here, fixtures, and reads of the database and
 * of wallet.commands. The Spring context is declared by the subclass ({@link GatewayITBase} for most).
 */
abstract class GatewayClientBase {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    // ---- identities ------------------------------------------------------------------------

    static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    static String token(String userId, String... roles) {
        return signed(Jwts.builder().subject(userId).id(UUID.randomUUID().toString())
                .claim("roles", List.of(roles.length == 0 ? new String[] {"USER"} : roles))
                .issuedAt(new Date()).expiration(Date.from(Instant.now().plusSeconds(600))));
    }

    static String signed(io.jsonwebtoken.JwtBuilder builder) {
        return builder.signWith(Keys.hmacShaKeyFor(LocalServices.JWT_SECRET.getBytes(StandardCharsets.UTF_8)),
                Jwts.SIG.HS256).compact();
    }

    static String adminToken() {
        return token("admin-" + UUID.randomUUID(), "USER", "ADMIN");
    }

    // ---- HTTP ------------------------------------------------------------------------------

    record Reply(int status, JsonNode body) {

        JsonNode data(String field) {
            return body.path("data").path(field);
        }

        JsonNode firstError() {
            return body.path("errors").path(0);
        }

        String code() {
            return firstError().path("extensions").path("code").asString();
        }

        String classification() {
            return firstError().path("extensions").path("classification").asString();
        }

        boolean ok() {
            return status == 200 && body.path("errors").isEmpty();
        }
    }

    Reply graphql(String token, String query, Map<String, Object> variables) {
        return post(token, JSON.writeValueAsString(Map.of("query", query, "variables", variables)));
    }

    Reply post(String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Reply(response.statusCode(), text == null || text.isBlank() ? JSON.createObjectNode()
                    : JSON.readTree(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- fixtures ----------------------------------------------------------------------------

    static final String WALLET_FIELDS = "id userId balance currency isActive createdAt label";
    static final String TX_FIELDS = """
            id walletId counterpartyWalletId amount currency transactionType status failureReason description
            metadata stripePaymentIntentId stripeTransferId createdAt updatedAt""";

    String createWallet(String token, String currency) {
        return createWallet(token, Map.of("currency", currency, "label", "test"));
    }

    String createWallet(String token, Map<String, Object> input) {
        Reply reply = graphql(token, "mutation($in: CreateWalletInput!) { createWallet(input: $in) { id } }",
                Map.of("in", input));
        assertThat(reply.ok()).as(reply.body().toString()).isTrue();
        return reply.data("createWallet").path("id").asString();
    }

    Reply deposit(String token, String walletId, long amount, String description, String key) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("amount", amount);
        input.put("description", description);
        input.put("idempotencyKey", key);
        return graphql(token, "mutation($w: String!, $in: DepositInput!) { deposit(walletId: $w, input: $in) { "
                + TX_FIELDS + " } }", Map.of("w", walletId, "in", input));
    }

    Reply withdraw(String token, String walletId, long amount) {
        return graphql(token, "mutation($w: String!, $in: WithdrawInput!) { withdraw(walletId: $w, input: $in) { "
                + TX_FIELDS + " } }", Map.of("w", walletId, "in", Map.of("amount", amount)));
    }

    Reply transfer(String token, String from, String to, long amount, String description, String key) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("toWalletId", to);
        input.put("amount", amount);
        input.put("description", description);
        input.put("idempotencyKey", key);
        return graphql(token, "mutation($w: String!, $in: TransferInput!) { transfer(fromWalletId: $w, input: $in) { "
                + TX_FIELDS + " } }", Map.of("w", from, "in", input));
    }

    Reply freeze(String token, String walletId) {
        return graphql(token, "mutation($w: String!) { freezeWallet(walletId: $w) { " + WALLET_FIELDS + " } }",
                Map.of("w", walletId));
    }

    // ---- database ----------------------------------------------------------------------------

    long rows(String table, String column, String walletId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = CAST(:w AS uuid)")
                .param("w", walletId).query(Long.class).single();
    }

    long transactionsOf(String walletId) {
        return jdbc.sql("SELECT count(*) FROM transactions WHERE wallet_id = CAST(:w AS uuid) "
                + "OR counterparty_wallet_id = CAST(:w AS uuid)").param("w", walletId).query(Long.class).single();
    }

    // ---- wallet.commands ---------------------------------------------------------------------

    /**
     * Every record on wallet.commands keyed by {@code walletId}, read from the beginning up to the end
     * offsets at the time of the call. The gateway answers only after the broker acknowledged its send,
     * so anything a request produced is below those offsets.
     */
    List<ConsumerRecord<String, String>> commandsKeyedBy(String walletId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getProperty("spring.kafka.bootstrap-servers"));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.WALLET_COMMANDS, Duration.ofSeconds(10))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("wallet.commands could not be read to its end");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (walletId.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}
