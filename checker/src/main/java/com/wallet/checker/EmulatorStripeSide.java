package com.wallet.checker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Stripe emulator's object store: {@code GET /_emulator/objects?type=...}. */
final class EmulatorStripeSide implements StripeSide {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    EmulatorStripeSide(URI base) {
        this.base = base;
    }

    @Override
    public StripeObjects read() {
        return new StripeObjects(
                objects("payment_intent", o -> new PaymentIntent(o.get("id").asString(), o.path("status").asString(""),
                        o.path("amount").asLong(), o.path("amount_received").asLong(), o.path("currency").asString(""),
                        metadata(o, "transaction_id"))),
                objects("charge", o -> new Charge(o.get("id").asString(), o.path("payment_intent").asString(null),
                        o.path("amount").asLong(), o.path("amount_refunded").asLong(), o.path("currency").asString(""))),
                objects("transfer", o -> new Transfer(o.get("id").asString(), o.path("amount").asLong(),
                        o.path("amount_reversed").asLong(), o.path("currency").asString(""),
                        metadata(o, "transaction_id"))));
    }

    private <T> List<T> objects(String type, Function<JsonNode, T> map) {
        URI uri = base.resolve("/_emulator/objects?type=" + type);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new CheckFailedException("GET " + uri + " answered " + response.statusCode(), null);
            }
            List<T> result = new ArrayList<>();
            for (JsonNode o : JSON.readTree(response.body())) {
                result.add(map.apply(o));
            }
            return result;
        } catch (IOException e) {
            throw new CheckFailedException("cannot read the Stripe emulator at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailedException("interrupted reading " + uri, e);
        }
    }

    private static String metadata(JsonNode object, String key) {
        JsonNode value = object.path("metadata").get(key);
        return value == null || value.isNull() ? null : value.asString();
    }
}
