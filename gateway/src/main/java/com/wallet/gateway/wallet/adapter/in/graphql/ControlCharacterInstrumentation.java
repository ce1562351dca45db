package com.wallet.gateway.wallet.adapter.in.graphql;

import com.wallet.gateway.wallet.application.RequestRejected;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.Collection;
import java.util.Map;

/**
 * The one place that refuses control characters (NUL included) in client strings (contract section 8):
 * before any resolver runs, every argument of the field, inline literal or variable, at any depth of an
 * input object or list, is checked; a hit is INVALID_ARGUMENT and the resolver is never called, so
 * nothing is stored or published.
 */
class ControlCharacterInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return dataFetcher;
        }
        return (DataFetchingEnvironment environment) -> {
            if (containsControl(environment.getArguments())) {
                throw RequestRejected.invalidArgument("strings must not contain control characters");
            }
            return dataFetcher.get(environment);
        };
    }

    static boolean containsControl(Object value) {
        if (value instanceof CharSequence text) {
            return text.chars().anyMatch(Character::isISOControl);
        }
        if (value instanceof Map<?, ?> map) {
            return map.keySet().stream().anyMatch(ControlCharacterInstrumentation::containsControl)
                    || map.values().stream().anyMatch(ControlCharacterInstrumentation::containsControl);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().anyMatch(ControlCharacterInstrumentation::containsControl);
        }
        return false;
    }
}
