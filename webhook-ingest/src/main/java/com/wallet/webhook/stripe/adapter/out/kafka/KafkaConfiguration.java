package com.wallet.webhook.stripe.adapter.out.kafka;

import com.wallet.common.config.MasterKeys;
import com.wallet.common.messaging.StripeEventCodec;
import com.wallet.common.messaging.StripeEventEnvelope;
import com.wallet.webhook.stripe.application.StripeEvents;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.validation.annotation.Validated;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KafkaConfiguration.PublishProperties.class, KafkaConfiguration.EncryptionProperties.class})
class KafkaConfiguration {

    /** @param ackTimeout longest wait for the broker's acknowledgement before answering 503 */
    @Validated
    @ConfigurationProperties("wallet.kafka")
    record PublishProperties(@NotNull Duration ackTimeout) {
    }

    /**
     * @param key          ENCRYPTION_SECRET_KEY, the master key: 32 ASCII characters or base64 of 32 bytes
     *                     (not bean-validated: a validation report would print it)
     * @param previousKeys ENCRYPTION_PREVIOUS_KEYS: parsed (a bad one stops the start-up like everywhere
     *                     else) though webhook-ingest only seals, under the current key
     */
    @ConfigurationProperties("wallet.encryption")
    record EncryptionProperties(String key, String previousKeys) {

        @Override
        public String toString() {
            return "EncryptionProperties[key=<redacted>, previousKeys=<redacted>]";
        }
    }

    /** Fails the start-up with one line naming ENCRYPTION_SECRET_KEY or ENCRYPTION_PREVIOUS_KEYS when a key is bad. */
    @Bean
    StripeEventCodec stripeEventCodec(EncryptionProperties encryption) {
        return StripeEventCodec.forKeyRing(MasterKeys.ring(encryption.key(), encryption.previousKeys()));
    }

    @Bean
    StripeEvents kafkaStripeEvents(KafkaTemplate<String, StripeEventEnvelope> kafka, StripeEventCodec codec,
                                   PublishProperties properties) {
        return new KafkaStripeEvents(kafka, codec, properties.ackTimeout());
    }
}
