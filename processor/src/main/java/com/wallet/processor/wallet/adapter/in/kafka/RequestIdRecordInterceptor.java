package com.wallet.processor.wallet.adapter.in.kafka;

import com.wallet.common.observability.RequestId;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * The record's {@code X-Request-Id} header in the MDC while the listener handles it, so the
 * processor's log lines (and the Stripe call's metadata) name the request that caused them.
 */
class RequestIdRecordInterceptor<V> implements RecordInterceptor<String, V> {

    @Override
    public ConsumerRecord<String, V> intercept(ConsumerRecord<String, V> record, Consumer<String, V> consumer) {
        String requestId = RequestId.from(record.headers());
        if (requestId != null) {
            MDC.put(RequestId.MDC_KEY, requestId);
        } else {
            MDC.remove(RequestId.MDC_KEY);
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<String, V> record, Consumer<String, V> consumer) {
        MDC.remove(RequestId.MDC_KEY);
    }
}
