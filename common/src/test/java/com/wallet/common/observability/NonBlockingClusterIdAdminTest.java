package com.wallet.common.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;

class NonBlockingClusterIdAdminTest {

    @Test
    void answersAtOnceWithoutAClusterIdWhileNoBrokerAnswers() throws IOException {
        KafkaAdmin admin = new KafkaAdmin(Map.of("bootstrap.servers", "127.0.0.1:" + freePort()));
        admin.setOperationTimeout(10); // seconds: what spring-kafka's own admin would wait on every send

        NonBlockingClusterIdAdmin nonBlocking = new NonBlockingClusterIdAdmin(admin);

        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertThat(nonBlocking.clusterId()).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        }
        assertThat(nonBlocking.getOperationTimeout()).isEqualTo(10);
    }

    @Test
    void answersWithTheClusterIdOnceKnown() {
        KafkaAdmin admin = new KafkaAdmin(Map.of("bootstrap.servers", "127.0.0.1:1"));
        NonBlockingClusterIdAdmin nonBlocking = new NonBlockingClusterIdAdmin(admin);
        nonBlocking.setClusterId("cluster-1");

        assertThat(nonBlocking.clusterId()).isEqualTo("cluster-1");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
