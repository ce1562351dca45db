package com.wallet.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's public GraphQL API as the demo uses it: a bearer token, a query, variables; errors fail. */
final class GraphQlClient {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;

    GraphQlClient(URI url) {
        this.url = url;
    }

    URI url() {
        return url;
    }

    /** The response's {@code data}; a response with {@code errors} (or none at all) is a LauncherException. */
    JsonNode query(String token, String query, Map<String, ?> variables) {
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        String response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new LauncherException("the gateway at " + url + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted", e);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response);
        } catch (JacksonException e) {
            throw new LauncherException("the gateway at " + url + " answered no JSON", e);
        }
        JsonNode errors = json.path("errors");
        if (!errors.isMissingNode() && !errors.isNull()) {
            throw new LauncherException("GraphQL error: " + errors);
        }
        return json.path("data");
    }

    /** A text field of a JSON object, or "" when it is missing or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.isValueNode() ? value.asString() : value.toString();
    }
}
