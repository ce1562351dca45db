package com.wallet.gateway.wallet.adapter.in.graphql;

import com.wallet.gateway.wallet.application.RequestRejected;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Maps rejections to GraphQL errors with {@code extensions.classification} and a stable
 * {@code extensions.code} (plus the rejection's details, e.g. {@code retryAfterMs}); Spring Security's
 * {@code @PreAuthorize} refusal is FORBIDDEN; anything unexpected becomes INTERNAL_ERROR with no
 * internals in it.
 */
class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof RequestRejected rejected) {
            return error(env, ErrorType.valueOf(rejected.code().category().name()), rejected.code().name(),
                    rejected.getMessage(), rejected.details());
        }
        if (ex instanceof AccessDeniedException) {
            return error(env, ErrorType.FORBIDDEN, "FORBIDDEN", "this operation needs the ADMIN role", Map.of());
        }
        if (ex instanceof AuthenticationException) {
            return error(env, ErrorType.UNAUTHORIZED, "UNAUTHORIZED", "missing or invalid bearer token", Map.of());
        }
        log.error("unexpected failure in {} ({})", env.getField().getName(), ex.getClass().getName(), ex);
        return error(env, ErrorType.INTERNAL_ERROR, "INTERNAL_ERROR", "internal error", Map.of());
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String code, String message,
                                      Map<String, Object> details) {
        Map<String, Object> extensions = new HashMap<>(details);
        extensions.put("code", code);
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(extensions).build();
    }
}
