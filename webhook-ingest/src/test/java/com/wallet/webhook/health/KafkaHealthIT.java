package com.wallet.webhook.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.testsupport.LocalServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Contract section 11 on a running service: /actuator/health is DOWN (503) while nothing answers
 * on Kafka's port, and turns UP within seconds once a broker answers there (bin/wallet up waits for
 * UP, so a stale DOWN would stall it). The broker "starts" as a TCP relay opened on that port to the
 * tests' real broker (the in-JVM one cannot be bound to a chosen port).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wallet.stripe.webhook-secret=whsec_health", "wallet.encryption.key=" + LocalServices.ENCRYPTION_KEY})
class KafkaHealthIT {

    private static final int KAFKA_PORT = freePort();
    private static ServerSocket relay;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
        registry.add("wallet.redis.urls", LocalServices::redisUrl);
    }

    @AfterAll
    static void stopRelay() throws IOException {
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void shouldBeDownWithoutKafkaAndUpSoonAfterABrokerAnswers() throws IOException {
        RestClient http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ResponseEntity<String> health = http.get().uri("/actuator/health").retrieve().toEntity(String.class);
            assertThat(health.getStatusCode().value()).isEqualTo(503);
            assertThat(health.getBody()).contains("\"kafka\":{\"status\":\"DOWN\"}").endsWith("\"status\":\"DOWN\"}");
        });
        assertThat(http.get().uri("/actuator/health/kafka").retrieve().body(String.class)).contains("\"DOWN\"");
        assertThat(http.get().uri("/actuator/health/redis").retrieve().body(String.class)).contains("\"UP\"");

        relay = relayTo(LocalServices.kafkaBootstrap());

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            ResponseEntity<String> health = http.get().uri("/actuator/health").retrieve().toEntity(String.class);
            assertThat(health.getStatusCode().value()).isEqualTo(200);
            assertThat(health.getBody()).contains("\"kafka\":{\"status\":\"UP\"}").endsWith("\"status\":\"UP\"}");
        });
    }

    /** Accepts on KAFKA_PORT and pipes each connection to the real broker, both ways. */
    private static ServerSocket relayTo(String bootstrap) throws IOException {
        String[] hostPort = bootstrap.split(",")[0].split(":");
        ServerSocket server = new ServerSocket(KAFKA_PORT, 50, InetAddress.getLoopbackAddress());
        daemon(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket broker = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
                    pipe(client.getInputStream(), broker.getOutputStream());
                    pipe(broker.getInputStream(), client.getOutputStream());
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
        return server;
    }

    private static void pipe(InputStream in, OutputStream out) {
        daemon(() -> {
            try (in; out) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            }
        });
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "kafka-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
