package com.wallet.processor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The wallet processor: applies wallet.commands and stripe.events under a wallet lock in one
 * database transaction each, relays the outbox to wallet.transactions and runs the analytics.
 */
@SpringBootApplication
public class ProcessorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProcessorApplication.class, args);
    }
}
