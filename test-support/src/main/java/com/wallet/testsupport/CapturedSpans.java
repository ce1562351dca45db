package com.wallet.testsupport;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every span a service ends, kept in memory: Spring Boot adds SpanProcessor beans to the SDK's
 * tracer provider, beside its exporting one. Import {@link CapturedSpans.Config} into a test context.
 */
public final class CapturedSpans implements SpanProcessor {

    /** The most recent spans only: a long suite (schedulers make spans every 100 ms) must not grow without bound. */
    private static final int KEEP = 20_000;

    private final Deque<SpanData> ended = new ArrayDeque<>();

    public synchronized List<SpanData> ofTrace(String traceId) {
        return ended.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public synchronized void onEnd(ReadableSpan span) {
        ended.addLast(span.toSpanData());
        if (ended.size() > KEEP) {
            ended.removeFirst();
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Configuration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        CapturedSpans capturedSpans() {
            return new CapturedSpans();
        }
    }
}
