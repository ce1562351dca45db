package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void shouldReadTheOverallStatusOfAnActuatorBody() {
        assertThat(Health.statusOf("{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}}}")).contains("UP");
        assertThat(Health.statusOf("{\"components\":{\"kafka\":{\"status\":\"DOWN\"}},\"status\":\"DOWN\"}")).contains("DOWN");
    }

    @Test
    void shouldNotTakeAComponentsStatusForTheOverallOne() {
        assertThat(Health.statusOf("{\"components\":{\"db\":{\"status\":\"UP\"}}}")).isEmpty();
    }

    @Test
    void shouldIgnoreBodiesThatAreNotHealthJson() {
        assertThat(Health.statusOf("<html>502 Bad Gateway</html>")).isEmpty();
        assertThat(Health.statusOf("")).isEmpty();
        assertThat(Health.statusOf("{\"status\":42}")).isEmpty();
    }

    @Test
    void shouldAnswerUpOnlyForHttp200WithStatusUp() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Health health = new Health();
            int port = server.getAddress().getPort();
            assertThat(health.status(port)).contains("DOWN");
            assertThat(health.up(port)).isFalse();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldAnswerNothingWhereNothingListens() throws IOException {
        int free;
        try (var socket = new java.net.ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        assertThat(new Health().status(free)).isEmpty();
    }
}
