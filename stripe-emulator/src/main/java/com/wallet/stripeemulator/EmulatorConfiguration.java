package com.wallet.stripeemulator;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class EmulatorConfiguration {

    /** Delayed settlements (bank debits, payouts), each run one change of state. */
    @Bean(destroyMethod = "shutdownNow")
    @Primary
    ScheduledExecutorService emulatorScheduler(EmulatorState state) {
        return new DurableScheduler(2, state);
    }

    /** Webhook delivery attempts: HTTP calls that change no object, so never inside a change of state. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService webhookScheduler() {
        return Executors.newScheduledThreadPool(4, r -> {
            Thread thread = new Thread(r, "emulator-webhooks");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    FilterRegistrationBean<StripeApiFilter> stripeApiFilter(EmulatorProperties properties, Faults faults,
                                                            IdempotencyStore idempotency, JsonMapper json,
                                                            EmulatorState state) {
        var registration = new FilterRegistrationBean<>(
                new StripeApiFilter(properties, faults, idempotency, json, state));
        registration.addUrlPatterns("/v1/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<DurableRequestFilter> durableControlRequests(EmulatorState state) {
        var registration = new FilterRegistrationBean<>(new DurableRequestFilter(state));
        registration.addUrlPatterns("/_emulator/*");
        return registration;
    }
}
