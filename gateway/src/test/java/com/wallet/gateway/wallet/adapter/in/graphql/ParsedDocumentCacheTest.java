package com.wallet.gateway.wallet.adapter.in.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParsedDocumentCacheTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse("type Query { echo(text: String): String  node: Node }  type Node { next: Node  name: String }"),
            RuntimeWiring.newRuntimeWiring()
                    .type("Query", t -> t.dataFetcher("echo", env -> env.getArgument("text")))
                    .build());

    private final AtomicInteger parses = new AtomicInteger();
    private final ParsedDocumentCache cache = new ParsedDocumentCache(1 << 20) {
        @Override
        public java.util.concurrent.CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
                ExecutionInput input, java.util.function.Function<ExecutionInput, PreparsedDocumentEntry> parse) {
            return super.getDocumentAsync(input, in -> {
                parses.incrementAndGet();
                return parse.apply(in);
            });
        }
    };
    private final GraphQL graphQl = GraphQL.newGraphQL(SCHEMA)
            .preparsedDocumentProvider(cache)
            .instrumentation(new MaxQueryDepthInstrumentation(3))
            .build();

    private ExecutionResult run(String query, Map<String, Object> variables) {
        return graphQl.execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
    }

    @Test
    void aValidQueryIsParsedOnceAndRunsWithEachRequestsVariables() {
        String query = "query($t: String) { echo(text: $t) }";

        ExecutionResult first = run(query, Map.of("t", "one"));
        ExecutionResult second = run(query, Map.of("t", "two"));

        assertThat(first.<Map<String, Object>>getData()).containsEntry("echo", "one");
        assertThat(second.<Map<String, Object>>getData()).containsEntry("echo", "two");
        assertThat(parses).hasValue(1);
    }

    @Test
    void anInvalidQueryIsNotKeptAndFailsEachTime() {
        String query = "{ nosuchfield }";

        ExecutionResult first = run(query, Map.of());
        ExecutionResult second = run(query, Map.of());

        assertThat(first.getErrors()).isNotEmpty();
        assertThat(second.getErrors()).isNotEmpty();
        assertThat(parses).hasValue(2);
    }

    @Test
    void theDepthLimitStillRefusesACachedQuery() {
        String deep = "{ node { next { next { next { name } } } } }";

        ExecutionResult first = run(deep, Map.of());
        ExecutionResult second = run(deep, Map.of());

        assertThat(first.getErrors()).anySatisfy(e -> assertThat(e.getMessage()).contains("depth"));
        assertThat(second.getErrors()).anySatisfy(e -> assertThat(e.getMessage()).contains("depth"));
        assertThat(parses).hasValue(1);
    }
}
