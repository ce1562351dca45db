package com.wallet.webhook.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.testsupport.LocalServices;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Contract section 11 on a running service: /actuator/health is DOWN (503) while nothing answers
 * on Kafka's port, and turns UP within seconds once a broker starts there (bin/wallet up waits for
 * UP, so a stale DOWN would stall it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wallet.stripe.webhook-secret=whsec_health", "wallet.encryption.key=" + LocalServices.ENCRYPTION_KEY})
class KafkaHealthIT {

    private static final int KAFKA_PORT = freePort();
    private static EmbeddedKafkaKraftBroker broker;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
        registry.add("wallet.redis.urls", LocalServices::redisUrl);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void shouldBeDownWithoutKafkaAndUpSoonAfterABrokerStarts() {
        RestClient http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ResponseEntity<String> health = http.get().uri("/actuator/health").retrieve().toEntity(String.class);
            assertThat(health.getStatusCode().value()).isEqualTo(503);
            assertThat(health.getBody()).contains("\"status\":\"DOWN\"");
        });
        assertThat(http.get().uri("/actuator/health/kafka").retrieve().body(String.class)).contains("\"DOWN\"");
        assertThat(http.get().uri("/actuator/health/redis").retrieve().body(String.class)).contains("\"UP\"");

        broker = new EmbeddedKafkaKraftBroker(1, 1).kafkaPorts(KAFKA_PORT);
        broker.brokerProperties(Map.of("offsets.topic.replication.factor", "1"));
        broker.afterPropertiesSet();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            ResponseEntity<String> health = http.get().uri("/actuator/health").retrieve().toEntity(String.class);
            assertThat(health.getStatusCode().value()).isEqualTo(200);
            assertThat(health.getBody()).startsWith("{\"status\":\"UP\"");
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
