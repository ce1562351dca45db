package com.wallet.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A service's /actuator/health: the overall status, read from the JSON body. */
public final class Health {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * The overall status of http://127.0.0.1:PORT/actuator/health: UP only on HTTP 2xx with
     * {@code "status":"UP"}; the body's status otherwise (DOWN, OUT_OF_SERVICE); empty when nothing
     * answers or the body is not health JSON.
     */
    public Optional<String> status(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Optional<String> status = statusOf(response.body());
            if (response.statusCode() / 100 != 2) {
                return Optional.of(status.filter(s -> !s.equals("UP")).orElse("DOWN"));
            }
            return status;
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public boolean up(int port) {
        return status(port).filter("UP"::equals).isPresent();
    }

    /** The top-level {@code status} of an actuator health body. */
    static Optional<String> statusOf(String body) {
        try {
            JsonNode status = JSON.readTree(body).path("status");
            return status.isString() && !status.asString().isBlank() ? Optional.of(status.asString()) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
