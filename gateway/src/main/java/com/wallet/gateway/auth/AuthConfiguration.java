package com.wallet.gateway.auth;

import com.wallet.common.config.InvalidSecretException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** JWT authentication of /graphql. A missing or short JWT_SECRET stops the start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthConfiguration.JwtProperties.class)
public class AuthConfiguration {

    @Bean
    JwtVerifier jwtVerifier(JwtProperties properties) {
        String secret = properties.secret();
        if (secret == null || secret.isBlank()) {
            throw new InvalidSecretException("JWT_SECRET", "is not set");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < JwtVerifier.MIN_SECRET_BYTES) {
            throw new InvalidSecretException("JWT_SECRET", "must be at least " + JwtVerifier.MIN_SECRET_BYTES
                    + " bytes long");
        }
        return new JwtVerifier(secret);
    }

    @Bean
    FilterRegistrationBean<JwtAuthenticationFilter> jwtAuthenticationFilter(JwtVerifier verifier) {
        var registration = new FilterRegistrationBean<>(new JwtAuthenticationFilter(verifier));
        registration.addUrlPatterns("/graphql", "/graphql/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /**
     * @param secret the HS256 key (JWT_SECRET). Deliberately not bean-validated: a validation
     *               failure report would print the value.
     */
    @ConfigurationProperties("wallet.jwt")
    public record JwtProperties(String secret) {

        @Override
        public String toString() {
            return "JwtProperties[secret=<redacted>]";
        }
    }
}
