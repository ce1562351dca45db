package com.wallet.gateway.it;

import com.wallet.common.messaging.Topics;
import com.wallet.testsupport.CapturedSpans;
import com.wallet.testsupport.LocalServices;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway on a random port against real PostgreSQL (database wallet_gateway_test), Kafka and
 * Redis chosen by {@link LocalServices}; requests go over plain HTTP with tokens signed here. Local
 * mode (GraphiQL, introspection and the actuator on the API port); {@code ProductionModeIT} covers the other.
 */
@ActiveProfiles("local")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wallet.jwt.secret=" + LocalServices.JWT_SECRET,
        "wallet.encryption.key=" + LocalServices.ENCRYPTION_KEY,
        "wallet.gateway.relay-interval=500ms"})
@Import(CapturedSpans.Config.class) // on the base, so the ITs share one context
abstract class GatewayITBase extends GatewayClientBase {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        LocalServices.register(registry, "wallet_gateway_test", Topics.WALLET_COMMANDS, Topics.WALLET_COMMANDS_DLQ,
                Topics.STRIPE_EVENTS, Topics.WALLET_TRANSACTIONS);
    }
}
