package com.wallet.webhook.stripe.adapter.in.web;

import com.wallet.common.web.BodySizeLimitFilter;
import com.wallet.common.web.RequestIdFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class StripeWebhookWebConfiguration {

    static final String PATH = "/webhooks/stripe";

    /** Stripe's events are a few KiB; anything over 64 KiB is not one. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** A delivery's own id until the event names the request that caused it (its metadata request_id). */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> webhookBodySizeLimit() {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(MAX_BODY_BYTES, "{\"error\":\"request body too large\"}"));
        registration.addUrlPatterns(PATH);
        return registration;
    }
}
