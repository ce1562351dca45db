package com.wallet.common.observability;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Copies the request id of the sending thread (MDC) into the record's {@code X-Request-Id} header,
 * so every record a request causes carries it without the application passing it around.
 * Configured with the producer property {@code interceptor.classes}.
 */
public class RequestIdProducerInterceptor<K, V> implements ProducerInterceptor<K, V> {

    @Override
    public ProducerRecord<K, V> onSend(ProducerRecord<K, V> record) {
        String requestId = RequestId.current();
        if (requestId != null && RequestId.from(record.headers()) == null) {
            record.headers().add(RequestId.HEADER, RequestId.bytes(requestId));
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
