package com.wallet.gateway.wallet.adapter.in.graphql;

import com.wallet.gateway.wallet.application.RequestRejected;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

/**
 * Maps rejections to GraphQL errors with {@code extensions.classification} and a stable
 * {@code extensions.code}; anything unexpected becomes INTERNAL_ERROR with no internals in it.
 */
class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof RequestRejected rejected) {
            return error(env, ErrorType.valueOf(rejected.code().category().name()), rejected.code().name(),
                    rejected.getMessage());
        }
        log.error("unexpected failure in {} ({})", env.getField().getName(), ex.getClass().getName(), ex);
        return error(env, ErrorType.INTERNAL_ERROR, "INTERNAL_ERROR", "internal error");
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String code, String message) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message)
                .extensions(Map.of("code", code)).build();
    }
}
