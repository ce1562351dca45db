package com.wallet.webhook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Receives Stripe webhooks, verifies them and publishes them to stripe.events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebhookIngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhookIngestApplication.class, args);
    }
}
