package com.wallet.gateway.wallet.adapter.in.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated documents by query text: clients send the same few operations with other
 * variables, and parsing plus validation was a large part of a mutation's CPU (README, Benchmark).
 * Validation does not depend on variables; depth, complexity and control-character checks run at
 * execution, so they still see every request. Only valid documents are kept, and the cache is
 * bounded by total query length, so a client sending endless distinct or broken queries cannot
 * grow it.
 */
class ParsedDocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;

    ParsedDocumentCache(long maxQueryChars) {
        this.documents = Caffeine.newBuilder()
                .maximumWeight(maxQueryChars)
                .<String, PreparsedDocumentEntry>weigher((query, entry) -> query.length())
                .build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry cached = documents.getIfPresent(input.getQuery());
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry parsed = parseAndValidate.apply(input);
        if (!parsed.hasErrors()) {
            documents.put(input.getQuery(), parsed);
        }
        return CompletableFuture.completedFuture(parsed);
    }
}
