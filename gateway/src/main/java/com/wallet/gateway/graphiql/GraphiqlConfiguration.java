package com.wallet.gateway.graphiql;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphiQL from the jar itself: Spring for GraphQL's page loads its scripts from a CDN, which a
 * machine without internet access never reaches. This page uses the GraphiQL, React and
 * React DOM webjars (Maven Central, no Node at build time). It answers only where
 * {@code spring.graphql.graphiql.enabled} is true, the same switch as Spring's page, and is
 * ordered before it so it wins the same path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("spring.graphql.graphiql.enabled")
public class GraphiqlConfiguration {

    static final String ASSETS = "/graphiql/assets/";
    private static final ClassPathResource PAGE = new ClassPathResource("graphiql-offline/index.html");
    private static final ClassPathResource WEBJARS = new ClassPathResource("META-INF/resources/webjars/");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> offlineGraphiql() {
        return RouterFunctions.route()
                .GET("/graphiql", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).body(PAGE))
                .add(RouterFunctions.resources(ASSETS + "**", WEBJARS))
                .build();
    }
}
