package com.wallet.gateway.wallet;

import com.wallet.common.config.MasterKeys;
import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.crypto.Fingerprints;
import com.wallet.common.crypto.KeyRing;
import com.wallet.common.messaging.CommandCodec;
import com.wallet.common.config.InvalidSecretException;
import com.wallet.common.config.WellKnownSecrets;
import com.wallet.gateway.wallet.application.AuditLog;
import com.wallet.gateway.wallet.application.AuditQueries;
import com.wallet.gateway.wallet.application.CommandOutbox;
import com.wallet.gateway.wallet.application.CommandPublisher;
import com.wallet.gateway.wallet.application.PublishedCommands;
import com.wallet.gateway.wallet.application.CommandRelay;
import com.wallet.gateway.wallet.application.MutationAdmission;
import com.wallet.gateway.wallet.application.RateLimits;
import com.wallet.gateway.wallet.application.SessionService;
import com.wallet.gateway.wallet.application.Sessions;
import com.wallet.gateway.wallet.application.SubmitTransactionService;
import com.wallet.gateway.wallet.application.Submissions;
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
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/** Wires the wallet application services to their ports. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WalletConfiguration.WalletProperties.class,
        WalletConfiguration.EncryptionProperties.class})
public class WalletConfiguration {

    /** Fails the start-up with one line naming ENCRYPTION_SECRET_KEY or ENCRYPTION_PREVIOUS_KEYS when a key is bad. */
    @Bean
    KeyRing keyRing(EncryptionProperties encryption, Environment environment) {
        WellKnownSecrets.refuseOutsideLocalMode(environment, "ENCRYPTION_SECRET_KEY", encryption.key());
        return MasterKeys.ring(encryption.key(), encryption.previousKeys());
    }

    /** The at-rest cipher: bank details, descriptions, payment methods, client secrets. */
    @Bean
    FieldCipher fieldCipher(KeyRing ring) {
        return ring.cipher(KeyRing.Purpose.AT_REST);
    }

    @Bean
    Fingerprints fingerprints(KeyRing ring) {
        return ring.fingerprints();
    }

    @Bean
    CommandCodec commandCodec(KeyRing ring, JsonMapper json) {
        return new CommandCodec(ring.cipher(KeyRing.Purpose.COMMANDS), json);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MutationAdmission mutationAdmission(RateLimits rateLimits) {
        return new MutationAdmission(rateLimits);
    }

    @Bean
    WalletService walletService(Wallets wallets, FieldCipher cipher, JsonMapper json, MutationAdmission admission,
                                WalletProperties properties, AuditLog auditLog, TransactionTemplate tx) {
        return new WalletService(wallets, cipher, json, admission, properties.maxWalletsPerUser(), auditLog, tx);
    }

    @Bean
    AuditQueries auditQueries(AuditLog auditLog) {
        return new AuditQueries(auditLog);
    }

    @Bean
    SessionService sessionService(Sessions sessions, AuditLog auditLog, TransactionTemplate tx, Clock clock) {
        return new SessionService(sessions, auditLog, tx, clock);
    }

    @Bean
    TransactionQueries transactionQueries(Transactions transactions, Wallets wallets, FieldCipher cipher) {
        return new TransactionQueries(transactions, wallets, cipher);
    }

    @Bean
    SubmitTransactionService submitTransactionService(Wallets wallets, Transactions transactions,
                                                      Submissions submissions, CommandPublisher publisher,
                                                      PublishedCommands published, CommandCodec codec,
                                                      FieldCipher cipher, Fingerprints fingerprints,
                                                      TransactionQueries queries, WalletProperties properties,
                                                      Clock clock, MutationAdmission admission) {
        return new SubmitTransactionService(wallets, transactions, submissions, publisher, published, codec, cipher,
                fingerprints, queries, properties.maxAmount(), properties.payoutAccountRequired(), clock, admission);
    }

    @Bean
    PublishedCommands publishedCommands(CommandOutbox outbox) {
        return new PublishedCommands(outbox);
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
     * @param maxWalletsPerUser WALLET_MAX_WALLETS_PER_USER: createWallet beyond it is LIMIT_EXCEEDED
     * @param payoutAccountRequired a withdrawal needs the wallet's stripeAccountId; only local mode
     *                         (application-local.yml) lets the processor pay out to its local default account
     */
    @Validated
    @ConfigurationProperties("wallet.gateway")
    public record WalletProperties(@DefaultValue("100000000") @Positive long maxAmount,
                                   @DefaultValue("3s") @NotNull Duration relayStaleAfter,
                                   @DefaultValue("100") @Min(1) int relayBatchSize,
                                   @DefaultValue("20") @Min(1) int maxWalletsPerUser,
                                   @DefaultValue("true") boolean payoutAccountRequired) {
    }

    /**
     * @param key          ENCRYPTION_SECRET_KEY: 32 ASCII characters or base64 of 32 bytes (not bean-validated:
     *                     a validation report would print it)
     * @param previousKeys ENCRYPTION_PREVIOUS_KEYS: comma-separated older keys, for reading only
     */
    @ConfigurationProperties("wallet.encryption")
    public record EncryptionProperties(String key, String previousKeys) {

        @Override
        public String toString() {
            return "EncryptionProperties[key=<redacted>, previousKeys=<redacted>]";
        }
    }
}
