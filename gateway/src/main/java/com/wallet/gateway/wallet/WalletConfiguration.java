package com.wallet.gateway.wallet;

import com.wallet.common.crypto.EncryptionKey;
import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.messaging.CommandCodec;
import com.wallet.common.config.InvalidSecretException;
import com.wallet.gateway.wallet.application.AuditLog;
import com.wallet.gateway.wallet.application.AuditQueries;
import com.wallet.gateway.wallet.application.CommandOutbox;
import com.wallet.gateway.wallet.application.CommandPublisher;
import com.wallet.gateway.wallet.application.CommandRelay;
import com.wallet.gateway.wallet.application.SubmitTransactionService;
import com.wallet.gateway.wallet.application.TransactionEvents;
import com.wallet.gateway.wallet.application.TransactionQueries;
import com.wallet.gateway.wallet.application.Transactions;
import com.wallet.gateway.wallet.application.WalletService;
import com.wallet.gateway.wallet.application.Wallets;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/** Wires the wallet application services to their ports. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WalletConfiguration.WalletProperties.class,
        WalletConfiguration.EncryptionProperties.class})
public class WalletConfiguration {

    @Bean
    FieldCipher fieldCipher(EncryptionProperties encryption) {
        try {
            return new FieldCipher(EncryptionKey.parse(encryption.keyId(), encryption.key()));
        } catch (IllegalArgumentException e) {
            // EncryptionKey's messages never contain the key.
            throw new InvalidSecretException("ENCRYPTION_SECRET_KEY", "is invalid: " + e.getMessage());
        }
    }

    @Bean
    CommandCodec commandCodec(FieldCipher cipher, JsonMapper json) {
        return new CommandCodec(cipher, json);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WalletService walletService(Wallets wallets, FieldCipher cipher, JsonMapper json, AuditLog auditLog,
                                TransactionTemplate tx) {
        return new WalletService(wallets, cipher, json, auditLog, tx);
    }

    @Bean
    AuditQueries auditQueries(AuditLog auditLog) {
        return new AuditQueries(auditLog);
    }

    @Bean
    TransactionQueries transactionQueries(Transactions transactions, Wallets wallets, FieldCipher cipher) {
        return new TransactionQueries(transactions, wallets, cipher);
    }

    @Bean
    SubmitTransactionService submitTransactionService(Wallets wallets, Transactions transactions,
                                                      TransactionEvents events, CommandOutbox outbox,
                                                      CommandPublisher publisher, CommandCodec codec,
                                                      FieldCipher cipher, TransactionTemplate tx,
                                                      TransactionQueries queries, WalletProperties properties,
                                                      Clock clock) {
        return new SubmitTransactionService(wallets, transactions, events, outbox, publisher, codec, cipher, tx,
                queries, properties.maxAmount(), properties.payoutAccountRequired(), clock);
    }

    @Bean
    CommandRelay commandRelay(CommandOutbox outbox, CommandPublisher publisher, TransactionTemplate tx,
                              WalletProperties properties) {
        return new CommandRelay(outbox, publisher, tx, properties.relayStaleAfter(), properties.relayBatchSize());
    }

    /**
     * @param maxAmount        per-transaction maximum in minor units
     * @param relayStaleAfter  an accepted command still unpublished after this is re-sent by the relay
     * @param relayBatchSize   commands re-sent per relay round
     * @param payoutAccountRequired a withdrawal needs the wallet's stripeAccountId; only local mode
     *                         (application-local.yml) lets the processor pay out to its local default account
     */
    @Validated
    @ConfigurationProperties("wallet.gateway")
    public record WalletProperties(@DefaultValue("100000000") @Positive long maxAmount,
                                   @DefaultValue("3s") @NotNull Duration relayStaleAfter,
                                   @DefaultValue("100") @Min(1) int relayBatchSize,
                                   @DefaultValue("true") boolean payoutAccountRequired) {
    }

    /**
     * @param key   ENCRYPTION_SECRET_KEY: 32 ASCII characters or base64 of 32 bytes (not bean-validated:
     *              a validation report would print it)
     * @param keyId the id written into every ciphertext (ENCRYPTION_KEY_ID, default k1)
     */
    @ConfigurationProperties("wallet.encryption")
    public record EncryptionProperties(String key, @DefaultValue("k1") String keyId) {

        @Override
        public String toString() {
            return "EncryptionProperties[keyId=" + keyId + ", key=<redacted>]";
        }
    }
}
