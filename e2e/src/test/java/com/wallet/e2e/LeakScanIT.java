package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contract section 8 as a reviewer checks it: a scenario puts marker values in every sensitive field
 * (bank details, descriptions, a payment method, the caller's token), then every service's log, every
 * record of every topic (keys, values and headers, dead-letter topics included), a pg_dump of the
 * database and every metrics page are searched, and none of them holds a marker. The Stripe
 * emulator's own log and state are not searched: it plays Stripe, which is told the payment method.
 */
class LeakScanIT {

    private static final Path REPO = Path.of(System.getProperty("wallet.repo", "..")).toAbsolutePath().normalize();
    private static final List<String> METRICS = List.of(
            System.getProperty("wallet.gateway", "http://127.0.0.1:8080"), "http://127.0.0.1:8081",
            "http://127.0.0.1:8082");

    private final WalletApi api = new WalletApi();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void noMarkerValueIsFoundInLogsTopicsDumpOrMetrics() throws Exception {
        Map<String, String> markers = new LinkedHashMap<>();
        String user = api.token("leak-" + run, false);
        markers.put("token", user);
        markers.put("token signature", user.substring(user.lastIndexOf('.') + 1));
        String source = createWalletWithBankDetails(user, markers);
        String target = api.createWallet(user, "USD");

        String depositDescription = marker(markers, "deposit description");
        String deposit = api.ok(user, "deposit", "mutation($w: String!, $i: DepositInput!) { deposit(walletId: $w, input: $i) { id } }",
                Map.of("w", source, "i", Map.of("amount", 5_000, "description", depositDescription))).path("id").asString();
        assertThat(api.awaitFinal(user, deposit).path("status").asString()).isEqualTo("COMPLETED");
        // A payment method nobody knows: Stripe refuses it, and what it says must not carry the id into our logs.
        String paymentMethod = "pm_leakmark_" + run;
        markers.put("payment method", paymentMethod);
        String refused = api.ok(user, "deposit", "mutation($w: String!, $i: DepositInput!) { deposit(walletId: $w, input: $i) { id } }",
                Map.of("w", source, "i", Map.of("amount", 700, "paymentMethodId", paymentMethod))).path("id").asString();
        assertThat(api.awaitFinal(user, refused).path("status").asString()).isEqualTo("FAILED");
        String transfer = api.ok(user, "transfer", "mutation($w: String!, $i: TransferInput!) { transfer(fromWalletId: $w, input: $i) { id } }",
                Map.of("w", source, "i", Map.of("toWalletId", target, "amount", 1_000,
                        "description", marker(markers, "transfer description")))).path("id").asString();
        assertThat(api.awaitFinal(user, transfer).path("status").asString()).isEqualTo("COMPLETED");
        String withdrawal = api.ok(user, "withdraw", "mutation($w: String!, $i: WithdrawInput!) { withdraw(walletId: $w, input: $i) { id } }",
                Map.of("w", source, "i", Map.of("amount", 500, "description", marker(markers, "withdrawal description"))))
                .path("id").asString();
        api.awaitFinal(user, withdrawal);
        String poisoned = poisonOneOfOurCommands(source);

        await("the tampered command is dead-lettered").atMost(Duration.ofSeconds(60))
                .until(() -> !Topics.read("wallet.commands.dlq", r -> r.value() != null && r.value().contains(poisoned)).isEmpty());
        for (ConsumerRecord<String, String> dead : Topics.read("wallet.commands.dlq", r -> true)) {
            for (Header header : dead.headers()) {
                String value = header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
                assertThat(header.key()).as("dead-letter header").doesNotContain("stacktrace").doesNotContain("exception-message");
                assertThat(value).as("dead-letter header " + header.key()).doesNotContain("Detail:").doesNotContain("\tat ");
            }
        }

        List<String> found = new ArrayList<>();
        found.addAll(scanLogs(markers));
        found.addAll(scanTopics(markers));
        found.addAll(scan("pg_dump", pgDump(), markers));
        for (String base : METRICS) {
            found.addAll(scan(base + "/actuator/prometheus", get(base + "/actuator/prometheus"), markers));
        }
        assertThat(found).as("marker values found where they must never be").isEmpty();

        // The scans see what is there: the wallet label is not sensitive and is stored in clear, and
        // the wallet id is every event's key.
        assertThat(scan("pg_dump", pgDump(), Map.of("label", "leak-scan-label-" + run))).isNotEmpty();
        assertThat(scanTopics(Map.of("wallet id", source))).isNotEmpty();
    }

    private String createWalletWithBankDetails(String user, Map<String, String> markers) {
        Map<String, Object> bank = new LinkedHashMap<>();
        bank.put("bankName", marker(markers, "bank name"));
        bank.put("accountName", marker(markers, "account name"));
        bank.put("accountNumber", marker(markers, "account number"));
        bank.put("bankId", marker(markers, "bank id"));
        return api.ok(user, "createWallet", "mutation($i: CreateWalletInput!) { createWallet(input: $i) { id } }",
                Map.of("i", Map.of("currency", "USD", "label", "leak-scan-label-" + run, "bankDetails", bank)))
                .path("id").asString();
    }

    /** Re-sends one of this wallet's sealed commands under a new command id: it no longer opens. */
    private String poisonOneOfOurCommands(String wallet) {
        ConsumerRecord<String, String> ours = Topics.read("wallet.commands", r -> wallet.equals(r.key())).get(0);
        ObjectNode envelope = (ObjectNode) json.readTree(ours.value());
        String commandId = UUID.randomUUID().toString();
        envelope.put("commandId", commandId);
        Topics.send("wallet.commands", wallet, json.writeValueAsString(envelope));
        return commandId;
    }

    private String marker(Map<String, String> markers, String field) {
        String value = "LEAKMARK-" + field.replace(' ', '-') + "-" + run;
        markers.put(field, value);
        return value;
    }

    private static List<String> scanLogs(Map<String, String> markers) throws IOException {
        List<String> found = new ArrayList<>();
        Path logs = REPO.resolve(".wallet/logs");
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                if (file.getFileName().toString().startsWith("stripe-emulator")) {
                    continue;
                }
                found.addAll(scan(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1), markers));
            }
        }
        return found;
    }

    private static List<String> scanTopics(Map<String, String> markers) throws Exception {
        List<String> found = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Topics.bootstrap()))) {
            for (String topic : admin.listTopics().names().get()) {
                for (ConsumerRecord<String, String> r : Topics.read(topic, x -> true)) {
                    StringBuilder text = new StringBuilder().append(r.key()).append(' ').append(r.value());
                    for (Header h : r.headers()) {
                        text.append(' ').append(h.key()).append('=')
                                .append(h.value() == null ? "" : new String(h.value(), StandardCharsets.ISO_8859_1));
                    }
                    found.addAll(scan(topic + "@" + r.partition() + ":" + r.offset(), text.toString(), markers));
                }
            }
        }
        return found;
    }

    private static String pgDump() throws Exception {
        String url = Ledger.DATABASE_URL;
        String hostPortDb = url.substring(url.indexOf("//") + 2);
        String host = hostPortDb.substring(0, hostPortDb.indexOf(':'));
        String port = hostPortDb.substring(hostPortDb.indexOf(':') + 1, hostPortDb.indexOf('/'));
        String database = hostPortDb.substring(hostPortDb.indexOf('/') + 1).split("\\?")[0];
        Process dump = new ProcessBuilder("pg_dump", "-h", host, "-p", port, "-U", "postgres", "--data-only", database)
                .redirectErrorStream(true).start();
        String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(dump.waitFor()).as("pg_dump: " + out.lines().limit(3).toList()).isZero();
        return out;
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(url).isEqualTo(200);
        return answer.body();
    }

    private static List<String> scan(String where, String text, Map<String, String> markers) {
        List<String> found = new ArrayList<>();
        markers.forEach((field, value) -> {
            if (text.contains(value)) {
                found.add(field + " in " + where);
            }
        });
        return found;
    }
}
