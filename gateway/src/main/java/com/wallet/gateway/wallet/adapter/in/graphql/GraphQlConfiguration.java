package com.wallet.gateway.wallet.adapter.in.graphql;

import com.wallet.common.web.BodySizeLimitFilter;
import com.wallet.common.web.RequestIdFilter;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.scalars.ExtendedScalars;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.validation.annotation.Validated;

/** The GraphQL adapter: scalars, limits, input checks and error mapping. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlConfiguration.GraphQlLimits.class)
public class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer walletScalars() {
        return wiring -> wiring.scalar(ExtendedScalars.GraphQLLong).scalar(ExtendedScalars.Json);
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache(GraphQlLimits limits) {
        var cache = new ParsedDocumentCache(limits.parsedDocumentCacheChars());
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }

    @Bean
    Instrumentation maxQueryDepth(GraphQlLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth());
    }

    @Bean
    Instrumentation maxQueryComplexity(GraphQlLimits limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity());
    }

    @Bean
    Instrumentation controlCharacters() {
        return new ControlCharacterInstrumentation();
    }

    /** First: it also answers Spring Security's refusals (FORBIDDEN with our stable code). */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    DataFetcherExceptionResolver walletErrors() {
        return new GraphQlErrorResolver();
    }

    @Bean
    SubscriptionErrorResolver subscriptionErrors() {
        return new SubscriptionErrorResolver();
    }

    private static final String TOO_LARGE = """
            {"errors":[{"message":"request body is too large","extensions":\
            {"classification":"BAD_REQUEST","code":"REQUEST_TOO_LARGE"}}]}""";

    /** First of all filters, so that every answer (refusals included) carries the request id. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> requestSizeLimitFilter(GraphQlLimits limits) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(limits.maxRequestBytes(), TOO_LARGE));
        registration.addUrlPatterns("/graphql", "/graphql/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** After the request id and the size check, before Spring Security: a shed request costs no token check. */
    @Bean
    FilterRegistrationBean<ConcurrencyLimitFilter> concurrencyLimitFilter(GraphQlLimits limits, MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(
                new ConcurrencyLimitFilter(limits.maxConcurrentRequests(), limits.queueWait(), meters));
        registration.addUrlPatterns("/graphql");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /**
     * @param maxDepth        deepest selection allowed (contract: 10)
     * @param maxComplexity   largest query allowed, counted by graphql-java (1 per field)
     * @param maxRequestBytes largest request body accepted (contract: 64 KiB)
     * @param parsedDocumentCacheChars total length of the valid query texts kept parsed
     * @param maxConcurrentRequests    GraphQL requests over HTTP handled at once (ConcurrencyLimitFilter)
     * @param queueWait                the longest a request waits for one of them before it is refused UNAVAILABLE
     */
    @Validated
    @ConfigurationProperties("wallet.graphql")
    public record GraphQlLimits(@DefaultValue("10") @Min(1) int maxDepth,
                                @DefaultValue("200") @Min(1) int maxComplexity,
                                @DefaultValue("65536") @Min(1024) int maxRequestBytes,
                                @DefaultValue("4194304") @Min(0) long parsedDocumentCacheChars,
                                @DefaultValue("32") @Min(1) int maxConcurrentRequests,
                                @DefaultValue("500ms") Duration queueWait) {
    }
}
