package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contract sections 6.6 and 9 as an analyst reads them: every event on wallet.transactions, from
 * the beginning of the topic (the events of every system test before this one included), validates
 * against the versioned JSON Schema file in the repo, formats (uuid, date-time) asserted.
 */
class EventSchemaIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCHEMA = Path.of(System.getProperty("wallet.repo", "..")).toAbsolutePath().normalize()
            .resolve("common/src/main/resources/schema/wallet-transaction-event.schema.json");

    private final WalletApi api = new WalletApi();
    private final StripeEmulator stripe = new StripeEmulator();

    @Test
    void everyPublishedEventValidatesAgainstTheSchemaFile() throws Exception {
        Schema schema = schema();
        String user = api.token("schema-" + UUID.randomUUID(), false);
        String a = api.createWallet(user, "USD");
        String b = api.createWallet(user, "USD");
        // Every kind of event this scenario can make: completed and failed of each type, and a refund.
        JsonNode deposit = api.awaitFinal(user, api.deposit(user, a, 10_000, "pm_card_visa", null).path("id").asString());
        api.awaitFinal(user, api.deposit(user, a, 500, "pm_card_chargeDeclined", null).path("id").asString());
        api.awaitFinal(user, api.transfer(user, a, b, 2_500, null).path("id").asString());
        api.awaitFinal(user, api.transfer(user, b, a, 1_000_000, null).path("id").asString());
        api.awaitFinal(user, api.withdraw(user, b, 1_000).path("id").asString());
        stripe.refund(deposit.path("stripePaymentIntentId").asString(), 300);
        await("the refund debited").atMost(Duration.ofSeconds(30))
                .until(() -> api.balance(user, a) == 10_000 - 2_500 - 300);

        Set<String> ours = Set.of(a, b);
        List<ConsumerRecord<String, String>> records = Topics.read("wallet.transactions", r -> true);
        assertThat(records.stream().filter(r -> ours.contains(r.key())).count())
                .as("this test's own events are on the topic").isGreaterThanOrEqualTo(12);
        List<String> invalid = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            List<Error> errors = schema.validate(record.value(), InputFormat.JSON);
            if (!errors.isEmpty()) {
                invalid.add(record.topic() + "-" + record.partition() + "@" + record.offset() + ": "
                        + errors.stream().map(Error::toString).collect(Collectors.joining("; ")));
            }
        }
        assertThat(invalid).as("events that break the schema").isEmpty();

        // The schema is not vacuous: a published event with one field broken is refused.
        ObjectNode broken = (ObjectNode) JSON.readTree(records.get(records.size() - 1).value());
        broken.put("walletId", "not-a-uuid");
        assertThat(schema.validate(JSON.writeValueAsString(broken), InputFormat.JSON)).isNotEmpty();
        ObjectNode extra = (ObjectNode) JSON.readTree(records.get(0).value());
        extra.put("description", "sensitive fields never reach analytics");
        assertThat(schema.validate(JSON.writeValueAsString(extra), InputFormat.JSON)).isNotEmpty();
    }

    private static Schema schema() throws IOException {
        // Draft 2020-12 treats "format" as an annotation unless asked to assert it.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            Schema schema = registry.getSchema(in);
            schema.initializeValidators();
            return schema;
        }
    }
}
