package com.wallet.gateway.auth;

import com.wallet.common.config.InvalidSecretException;
import com.wallet.common.config.WellKnownSecrets;
import com.wallet.gateway.wallet.application.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.validation.annotation.Validated;

/**
 * Spring Security is the gateway's one authentication and authorization mechanism: /graphql needs a
 * bearer JWT (decoded by {@link JjwtDecoder}, checked against the session store by
 * {@link CallerAuthenticationConverter}); ADMIN operations carry {@code @PreAuthorize} on their controller
 * methods. GraphiQL (local mode only) and the actuator need no token. Stateless: no HTTP session, no CSRF
 * (no cookies are read).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityConfiguration.JwtProperties.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, Sessions sessions) throws Exception {
        JsonErrorEntryPoint entryPoint = new JsonErrorEntryPoint();
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // The WebSocket handshake carries no token: it comes in connection_init (WebSocketAuthentication).
                        .requestMatchers(SecurityConfiguration::isWebSocketHandshake).permitAll()
                        .requestMatchers("/graphql", "/graphql/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .oauth2ResourceServer(resource -> resource
                        .authenticationEntryPoint(entryPoint)
                        .jwt(jwt -> jwt.decoder(decoder)
                                .jwtAuthenticationConverter(new CallerAuthenticationConverter(sessions))));
        return http.build();
    }

    private static boolean isWebSocketHandshake(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
                && "/graphql".equals(request.getRequestURI());
    }

    @Bean
    WebSocketAuthentication webSocketAuthentication(JwtDecoder decoder, Sessions sessions) {
        return new WebSocketAuthentication(decoder, new CallerAuthenticationConverter(sessions));
    }

    /** A missing, short or well-known (outside local mode) JWT_SECRET stops the start-up, naming the variable. */
    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties, Clock clock, Environment environment) {
        String secret = InvalidSecretException.requireSet(JwtProperties.VARIABLE, properties.secret());
        if (secret.getBytes(StandardCharsets.UTF_8).length < JjwtDecoder.MIN_SECRET_BYTES) {
            throw new InvalidSecretException(JwtProperties.VARIABLE, "must be at least " + JjwtDecoder.MIN_SECRET_BYTES
                    + " bytes long");
        }
        WellKnownSecrets.refuseOutsideLocalMode(environment, JwtProperties.VARIABLE, secret);
        return new JjwtDecoder(secret, properties.maxTokenLifetime(), properties.clockSkew(), clock);
    }

    /**
     * @param secret           the HS256 key (JWT_SECRET). Deliberately not bean-validated: a validation
     *                         failure report would print the value.
     * @param maxTokenLifetime JWT_MAX_TOKEN_LIFETIME: the longest {@code exp - iat} accepted
     * @param clockSkew        tolerance on {@code exp} and {@code iat} between the issuer's clock and ours
     */
    @Validated
    @ConfigurationProperties("wallet.jwt")
    public record JwtProperties(String secret,
                                @DefaultValue("24h") @NotNull Duration maxTokenLifetime,
                                @DefaultValue("30s") @NotNull Duration clockSkew) {

        static final String VARIABLE = "JWT_SECRET";

        @Override
        public String toString() {
            return "JwtProperties[secret=<redacted>, maxTokenLifetime=" + maxTokenLifetime + ", clockSkew="
                    + clockSkew + "]";
        }
    }
}
