package com.wallet.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A graphql-transport-ws client on the JDK's WebSocket, as a browser would speak it: connection_init
 * with the token in its payload, subscribe, then next/error/complete messages.
 */
final class GraphQlWs implements AutoCloseable {

    static final String PROTOCOL = "graphql-transport-ws";

    private final JsonMapper json = JsonMapper.builder().build();
    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    GraphQlWs() throws Exception {
        String http = System.getProperty("wallet.gateway", "http://127.0.0.1:8080");
        URI uri = URI.create(http.replaceFirst("^http", "ws") + "/graphql");
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols(PROTOCOL)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Listener()).get(10, TimeUnit.SECONDS);
    }

    void init(Map<String, Object> payload) {
        send(Map.of("type", "connection_init", "payload", payload));
    }

    void subscribe(String id, String query, Map<String, Object> variables) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    /** The next message, or null when none came within the timeout. */
    JsonNode next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The close code, when the server closed the connection within the timeout. */
    Integer closeCode(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    private void send(Map<String, Object> message) {
        socket.sendText(json.writeValueAsString(message), true).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(json.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
