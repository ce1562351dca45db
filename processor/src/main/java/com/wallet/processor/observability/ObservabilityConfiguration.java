package com.wallet.processor.observability;

import com.wallet.common.observability.QuietBackgroundWork;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /**
     * No traces of the outbox relay's and reconcilers' rounds nor of SQL outside a record's handling
     * ({@link QuietBackgroundWork}); the records they send are still traced.
     */
    @Bean
    ObservationPredicate quietBackgroundWork() {
        return new QuietBackgroundWork();
    }
}
