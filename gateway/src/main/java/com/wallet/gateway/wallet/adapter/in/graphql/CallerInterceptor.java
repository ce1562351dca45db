package com.wallet.gateway.wallet.adapter.in.graphql;

import com.wallet.gateway.wallet.application.Caller;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Copies the {@link Caller} the authentication filter put on the HTTP request into the GraphQL
 * context, where controllers take it with {@code @ContextValue}.
 */
class CallerInterceptor implements WebGraphQlInterceptor {

    static final String CALLER = "caller";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Object caller = request.getAttributes().get(Caller.class.getName());
        if (caller instanceof Caller authenticated) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(CALLER, authenticated)).build());
        }
        return chain.next(request);
    }
}
