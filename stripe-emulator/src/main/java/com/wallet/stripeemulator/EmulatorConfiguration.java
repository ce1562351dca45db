package com.wallet.stripeemulator;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class EmulatorConfiguration {

    /** Webhook deliveries and delayed settlements (bank debits, payouts). */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService emulatorScheduler() {
        return Executors.newScheduledThreadPool(4, r -> {
            Thread thread = new Thread(r, "emulator-scheduler");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    FilterRegistrationBean<StripeApiFilter> stripeApiFilter(EmulatorProperties properties, Faults faults,
                                                            IdempotencyStore idempotency, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new StripeApiFilter(properties, faults, idempotency, json));
        registration.addUrlPatterns("/v1/*");
        return registration;
    }
}
