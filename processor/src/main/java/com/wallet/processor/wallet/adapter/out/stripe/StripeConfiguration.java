package com.wallet.processor.wallet.adapter.out.stripe;

import com.wallet.processor.wallet.application.port.PaymentGateway;

import com.stripe.StripeClient;
import com.wallet.common.config.InvalidSecretException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class StripeConfiguration {

    @Bean
    StripeClient stripeClient(StripeProperties properties) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(InvalidSecretException.requireSet("STRIPE_SECRET_KEY", properties.secretKey()))
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setReadTimeout((int) properties.readTimeout().toMillis());
        if (properties.apiBase() != null && !properties.apiBase().isBlank()) {
            builder.setApiBase(properties.apiBase());
        }
        return builder.build();
    }

    @Bean
    PaymentGateway paymentGateway(StripeClient stripeClient, StripeProperties properties, MeterRegistry meters) {
        return new MeteredPaymentGateway(
                new StripePaymentGateway(stripeClient, properties.rateLimitRetries(), properties.rateLimitBackoff()),
                meters);
    }
}
