package com.wallet.gateway.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The page follows Spring's switch: where GraphiQL is off (outside local mode) nothing of it is served. */
class GraphiqlConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(GraphiqlConfiguration.class);

    @Test
    void servesThePageOnlyWhereGraphiqlIsEnabled() {
        runner.withPropertyValues("spring.graphql.graphiql.enabled=true")
                .run(context -> assertThat(context).hasBean("offlineGraphiql"));
        runner.withPropertyValues("spring.graphql.graphiql.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("offlineGraphiql"));
        runner.run(context -> assertThat(context).doesNotHaveBean("offlineGraphiql"));
    }
}
