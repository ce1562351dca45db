package com.wallet.gateway.wallet.adapter.in.graphql;

import com.wallet.gateway.wallet.application.RequestRejected;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;

/**
 * A subscription's stream fails after the data fetcher returned, so its errors bypass
 * {@link GraphQlErrorResolver}: the same rejections, mapped the same way, for the WebSocket answer.
 */
class SubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        if (ex instanceof RequestRejected rejected) {
            Map<String, Object> extensions = new HashMap<>(rejected.details());
            extensions.put("code", rejected.code().name());
            return GraphqlErrorBuilder.newError().errorType(ErrorType.valueOf(rejected.code().category().name()))
                    .message(rejected.getMessage()).extensions(extensions).build();
        }
        log.error("unexpected failure in a subscription ({})", ex.getClass().getName(), ex);
        return GraphqlErrorBuilder.newError().errorType(ErrorType.INTERNAL_ERROR)
                .message("internal error").extensions(Map.of("code", "INTERNAL_ERROR")).build();
    }
}
