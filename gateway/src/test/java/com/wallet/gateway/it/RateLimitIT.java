package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.testsupport.Prometheus;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** RATE_LIMIT_MUTATIONS_PER_SECOND=2 (burst 4) in Redis: the next mutation is RATE_LIMITED with a retry hint. */
@TestPropertySource(properties = "wallet.redis.rate-limit-mutations-per-second=2")
class RateLimitIT extends GatewayITBase {

    @Test
    void mutationsBeyondTheBurstAreRateLimitedWithRetryAfterAndNothingIsStored() {
        String token = token(newUser());
        String wallet = createWallet(token, "USD");
        Prometheus before = Prometheus.scrape(port);
        int accepted = 1;
        Reply refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            Reply reply = withdraw(token, wallet, 1);
            if (reply.ok()) {
                accepted++;
            } else {
                refused = reply;
            }
        }
        assertThat(refused).as("a refusal within 10 immediate mutations").isNotNull();
        assertThat(accepted).as("the burst (twice the rate) is granted").isGreaterThanOrEqualTo(4);
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.classification()).isEqualTo("BAD_REQUEST");
        assertThat(refused.firstError().path("extensions").path("retryAfterMs").asLong()).isPositive();
        assertThat(transactionsOf(wallet)).isEqualTo(accepted - 1);
        // counted by its code (contract section 11: mutations refused by code)
        assertThat(Prometheus.scrape(port).sum("wallet_gateway_mutations_total", "operation", "withdraw",
                "outcome", "refused", "code", "RATE_LIMITED") - before.sum("wallet_gateway_mutations_total",
                "operation", "withdraw", "outcome", "refused", "code", "RATE_LIMITED")).isEqualTo(1);
    }

    @Test
    void eachUserHasItsOwnBucketAndQueriesAreNotLimited() {
        String greedy = token(newUser());
        String wallet = createWallet(greedy, "USD");
        Reply last;
        do {
            last = withdraw(greedy, wallet, 1);
        } while (last.ok());
        assertThat(last.code()).isEqualTo("RATE_LIMITED");
        for (int i = 0; i < 10; i++) {
            assertThat(graphql(greedy, "query { myWallets { id } }", Map.of()).ok()).isTrue();
        }
        String other = token(newUser());
        assertThat(graphql(other, "mutation { createWallet(input: {currency: \"USD\"}) { id } }", Map.of()).ok())
                .isTrue();
    }
}
