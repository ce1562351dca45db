package com.wallet.stripeemulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A stateful subset of the Stripe API for local mode and tests (contract section 7). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StripeEmulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(StripeEmulatorApplication.class, args);
    }
}
