package com.wallet.gateway.wallet.adapter.in.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.gateway.wallet.application.RejectionCode;
import com.wallet.gateway.wallet.application.RequestRejected;
import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class GraphQlErrorResolverTest {

    private final GraphQlErrorResolver resolver = new GraphQlErrorResolver();
    private final DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
            .mergedField(MergedField.newMergedField(Field.newField("deposit").build()).build())
            .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString)
                    .path(ResultPath.rootPath().segment("deposit")).build())
            .build();

    private GraphQLError resolve(Throwable ex) {
        List<GraphQLError> errors = resolver.resolveException(ex, env).block();
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    private static Map<String, Object> spec(GraphQLError error) {
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) error.toSpecification().get("extensions");
        return extensions;
    }

    @Test
    void mapsEveryRejectionCodeToItsClassificationAndCode() {
        for (RejectionCode code : RejectionCode.values()) {
            GraphQLError error = resolve(new RequestRejected(code, "because"));
            assertThat(spec(error)).containsEntry("code", code.name())
                    .containsEntry("classification", code.category().name());
            assertThat(error.getMessage()).isEqualTo("because");
            assertThat(error.getPath()).containsExactly("deposit");
        }
    }

    @Test
    void specificCodesHaveTheContractsClassifications() {
        assertThat(spec(resolve(new RequestRejected(RejectionCode.INVALID_AMOUNT, "x"))))
                .containsEntry("classification", "BAD_REQUEST");
        assertThat(spec(resolve(new RequestRejected(RejectionCode.NOT_FOUND, "x"))))
                .containsEntry("classification", "NOT_FOUND");
        assertThat(spec(resolve(new RequestRejected(RejectionCode.FORBIDDEN, "x"))))
                .containsEntry("classification", "FORBIDDEN");
    }

    @Test
    void hidesUnexpectedFailuresBehindInternalError() {
        GraphQLError error = resolve(new DataIntegrityViolationException(
                "ERROR: duplicate key value violates unique constraint \"wallets_pkey\" secret-detail"));
        assertThat(spec(error)).containsEntry("classification", "INTERNAL_ERROR").containsEntry("code",
                "INTERNAL_ERROR");
        assertThat(error.getMessage()).isEqualTo("internal error");
    }
}
