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
 * the management port (MANAGEMENT_SERVER_PORT; a random one here); no default payout account.
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

    /** No default payout account outside local mode: a withdrawal needs the wallet's stripeAccountId. */
    @Test
    void refusesAWithdrawalFromAWalletWithoutStripeAccount() {
        String user = token(newUser());
        String wallet = createWallet(user, Map.of("currency", "USD"));

        Reply reply = withdraw(user, wallet, 10);

        assertThat(reply.classification()).isEqualTo("BAD_REQUEST");
        assertThat(reply.code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(reply.firstError().path("message").asString()).isEqualTo("wallet has no stripeAccountId for payouts");
        assertThat(transactionsOf(wallet)).isZero();
        assertThat(commandsKeyedBy(wallet)).isEmpty();
        String paid = createWallet(user, Map.of("currency", "USD", "stripeAccountId", "acct_1Production0000"));
        assertThat(withdraw(user, paid, 10).code()).as("a wallet with an account gets past this check")
                .isNotEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void theActuatorAnswersOnTheManagementPortOnly() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(get(managementPort, "/actuator/health")).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/prometheus")).isEqualTo(200);
        assertThat(get(port, "/actuator/health")).isEqualTo(404);
    }
}
