package com.wallet.webhook.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import com.wallet.common.messaging.Topics;
import com.wallet.testsupport.LocalServices;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * With an OTLP endpoint configured (MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT), spans
 * are posted there as OTLP/HTTP; without one (every other IT) no exporter exists at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wallet.stripe.webhook-secret=whsec_otlp", "wallet.encryption.key=" + LocalServices.ENCRYPTION_KEY})
class OtlpExportIT {

    private static final List<String> POSTED = new CopyOnWriteArrayList<>();
    private static final HttpServer COLLECTOR = collector();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> LocalServices.kafkaBootstrap(Topics.STRIPE_EVENTS));
        registry.add("wallet.redis.urls", LocalServices::redisUrl);
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + COLLECTOR.getAddress().getPort() + "/v1/traces");
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.stop(0);
    }

    @Test
    void shouldPostSpansToTheConfiguredOtlpEndpoint() {
        assertThat(context.getBeansOfType(SpanExporter.class)).isNotEmpty();
        RestClient http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();

        http.post().uri("/webhooks/stripe").body("{}").retrieve().toBodilessEntity(); // refused, but traced

        await().atMost(Duration.ofSeconds(30)).until(() -> POSTED.contains("/v1/traces"));
    }

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                POSTED.add(exchange.getRequestURI().getPath());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
