package com.wallet.gateway.auth;

import com.wallet.gateway.wallet.application.Caller;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Authentication over WebSocket (graphql-transport-ws): a browser cannot set headers on the
 * handshake, so the token comes in the {@code connection_init} payload ({@code {"Authorization":
 * "Bearer ..."}}) and is checked exactly as an HTTP request's is (the same {@link JwtDecoder}, the same
 * session store). Without an accepted token there is no {@code connection_ack}: the server closes the
 * connection. The caller is kept with the WebSocket session and put in each operation's GraphQL context,
 * where the subscription controller takes it ({@link #CALLER}). A token revoked after the connection was
 * acknowledged ends only with the connection; the subscription itself completes at the transaction's final
 * status.
 */
public final class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

    /** The GraphQL context key of the connection's {@link Caller}. */
    public static final String CALLER = "webSocketCaller";
    private static final String BEARER = "Bearer ";

    private final JwtDecoder decoder;
    private final CallerAuthenticationConverter converter;

    WebSocketAuthentication(JwtDecoder decoder, CallerAuthenticationConverter converter) {
        this.decoder = decoder;
        this.converter = converter;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object header = payload.containsKey("Authorization") ? payload.get("Authorization") : payload.get("authorization");
        if (!(header instanceof String value) || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.error(new InvalidBearerTokenException("missing bearer token"));
        }
        // The session check may wait on Redis: off the WebSocket's I/O thread.
        return Mono.fromCallable(() -> converter.convert(decoder.decode(value.substring(BEARER.length()).trim())))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(authentication -> session.getAttributes().put(CALLER, authentication.getPrincipal()))
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest webSocket
                && webSocket.getSessionInfo().getAttributes().get(CALLER) instanceof Caller caller) {
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CALLER, caller)).build());
        }
        return chain.next(request);
    }
}
