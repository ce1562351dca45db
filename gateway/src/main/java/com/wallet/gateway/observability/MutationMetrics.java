package com.wallet.gateway.observability;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * wallet.gateway.mutations{operation, outcome, code}: one count per mutation field of every
 * executed GraphQL mutation. outcome is accepted (no error on that field) or refused; code is OK or
 * the error's stable {@code extensions.code} (INVALID_AMOUNT, IDEMPOTENCY_KEY_REUSED, ...), else its
 * classification. Requests refused before execution (bad JWT, invalid document, too large) never
 * reach here: http.server.requests counts them by status.
 */
class MutationMetrics extends SimplePerformantInstrumentation {

    static final String METRIC = "wallet.gateway.mutations";

    private final MeterRegistry meters;

    MutationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        if (operation.getOperation() != OperationDefinition.Operation.MUTATION) {
            return null;
        }
        List<Field> fields = operation.getSelectionSet().getSelections().stream()
                .filter(Field.class::isInstance).map(Field.class::cast).toList();
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
            for (Field field : fields) {
                String code = failure != null ? "INTERNAL_ERROR" : codeOf(field, result.getErrors());
                Counter.builder(METRIC).tag("operation", field.getName())
                        .tag("outcome", "OK".equals(code) ? "accepted" : "refused").tag("code", code)
                        .description("GraphQL mutations by outcome and rejection code").register(meters).increment();
            }
        });
    }

    private static String codeOf(Field field, List<GraphQLError> errors) {
        for (GraphQLError error : errors) {
            List<Object> path = error.getPath();
            if (path != null && !path.isEmpty() && field.getResultKey().equals(path.get(0))) {
                Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
                if (code != null) {
                    return code.toString();
                }
                return error.getErrorType() == null ? "ERROR" : error.getErrorType().toString();
            }
        }
        return "OK";
    }
}
