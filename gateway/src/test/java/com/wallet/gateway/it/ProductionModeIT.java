package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.Introspection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Outside local mode (no {@code local} profile): no GraphiQL, no introspection, and the actuator only on
 * the management port (MANAGEMENT_SERVER_PORT; a random one here).
 */
@ActiveProfiles(profiles = {}, inheritProfiles = false)
@TestPropertySource(properties = "management.server.port=0")
class ProductionModeIT extends GatewayITBase {

    @LocalManagementPort
    int managementPort;

    /** Spring Boot turns introspection off JVM-wide (graphql-java's flag): give it back to the other ITs. */
    @AfterAll
    static void enableIntrospectionAgain() {
        Introspection.enabledJvmWide(true);
    }

    private int get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    @Test
    void graphiqlAndIntrospectionAreOff() throws Exception {
        assertThat(get(port, "/graphiql")).isEqualTo(404);
        assertThat(get(port, "/graphiql/assets/react/18.3.1/umd/react.production.min.js")).isEqualTo(404);
        Reply schema = graphql(token(newUser()), "query { __schema { types { name } } }", Map.of());
        assertThat(schema.body().path("data").path("__schema").path("types").isArray()).isFalse();
        assertThat(schema.body().path("errors").isEmpty()).isFalse();
        assertThat(graphql(token(newUser()), "query { myWallets { id } }", Map.of()).ok()).isTrue();
    }

    @Test
    void theActuatorAnswersOnTheManagementPortOnly() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(get(managementPort, "/actuator/health")).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/prometheus")).isEqualTo(200);
        assertThat(get(port, "/actuator/health")).isEqualTo(404);
    }
}
