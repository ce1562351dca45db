package com.wallet.processor.wallet.adapter.in.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ConsumerStoppedEvent;

/**
 * One log line per consumer thread that stops, with spring-kafka's reason: {@code NORMAL} after a
 * graceful shutdown (record in flight finished, offset committed, group left); anything else
 * (ERROR, FENCED, AUTH, NO_OFFSET, ABNORMAL) is an error for an operator.
 */
class ConsumerStopLog {

    private static final Logger log = LoggerFactory.getLogger(ConsumerStopLog.class);

    @EventListener
    public void onConsumerStopped(ConsumerStoppedEvent event) {
        if (event.getReason() == ConsumerStoppedEvent.Reason.NORMAL) {
            log.info("kafka consumer stopped: {} ({})", event.getReason(), event.getSource());
        } else {
            log.error("kafka consumer stopped: {} ({})", event.getReason(), event.getSource());
        }
    }
}
