package com.wallet.processor.wallet.application;

import com.wallet.common.config.MasterKeys;
import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.crypto.KeyRing;
import com.wallet.common.messaging.CommandCodec;
import com.wallet.processor.wallet.application.deposit.DepositFundsService;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.ProcessedCommands;
import com.wallet.processor.wallet.application.port.Transactions;
import com.wallet.processor.wallet.application.port.WalletLocks;
import com.wallet.processor.wallet.application.transfer.ProcessCommandBatchService;
import com.wallet.processor.wallet.application.transfer.TransferBatchService;
import com.wallet.processor.wallet.application.withdrawal.WithdrawFundsService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires what the features share (keys, the event factory, the lock-and-transaction order, the
 * command rows, the Stripe call pool) and the command path; each feature package wires its own use
 * cases (DepositConfiguration, WithdrawalConfiguration, StripeEventConfiguration).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EncryptionProperties.class, PayoutProperties.class, ReconcilerProperties.class,
        StripeCallsProperties.class})
public class WalletApplicationConfiguration {

    /** Fails the start-up with one line naming ENCRYPTION_SECRET_KEY or ENCRYPTION_PREVIOUS_KEYS when a key is bad. */
    @Bean
    KeyRing keyRing(EncryptionProperties properties) {
        return MasterKeys.ring(properties.key(), properties.previousKeys());
    }

    /** The at-rest cipher: payment methods and client secrets on transactions. */
    @Bean
    FieldCipher fieldCipher(KeyRing ring) {
        return ring.cipher(KeyRing.Purpose.AT_REST);
    }

    /** Opens wallet.commands payloads sealed under any ring key: commands in flight survive a rotation. */
    @Bean
    CommandCodec commandCodec(KeyRing ring, JsonMapper json) {
        return new CommandCodec(ring.cipher(KeyRing.Purpose.COMMANDS), json);
    }

    @Bean
    TransactionEventFactory transactionEventFactory() {
        return new TransactionEventFactory(Clock.systemUTC());
    }

    @Bean
    TransferBatchService transferBatchService(WalletLocks locks, TransactionTemplate tx, LedgerTransitions ledger) {
        return new TransferBatchService(locks, tx, ledger);
    }

    /** The house order of a change: the wallet lock -> one database transaction -> commit -> release. */
    @Bean
    WalletTransactions walletTransactions(WalletLocks locks, TransactionTemplate tx) {
        return new WalletTransactions(locks, tx);
    }

    @Bean
    CommandRows commandRows(ProcessedCommands processed, Transactions transactions) {
        return new CommandRows(processed, transactions);
    }

    /** The Stripe calls of deposits and withdrawals, off the listener thread (wallet.stripe-calls.*). */
    @Bean
    StripeCalls stripeCalls(StripeCallsProperties properties, MeterRegistry meters) {
        return new StripeCalls(properties, meters);
    }

    /**
     * Commands from wallet.commands: a deposit or withdrawal commits its transaction on the listener
     * thread and hands its Stripe call to {@link StripeCalls} (its outcome here is PROCESSING).
     */
    @Bean
    WalletCommandDispatcher walletCommandDispatcher(TransferBatchService transfers, DepositFundsService deposits,
                                                    WithdrawFundsService withdrawals, StripeCalls stripeCalls) {
        return new WalletCommandDispatcher(transfers::applyOne,
                deposit -> stripeCalls.handOff(deposits.start(deposit)),
                withdrawal -> stripeCalls.handOff(withdrawals.start(withdrawal)));
    }

    /**
     * {@code wallet.processor.command-batch-time-budget}: how long a poll's records may take before
     * the listener commits what it applied and polls the rest again; well under max.poll.interval.ms
     * (10 min), so nothing causes a rebalance. Stripe calls are not part of it, except those the
     * listener makes itself when {@link StripeCalls} is full.
     */
    @Bean
    ProcessCommandBatchService processCommandBatchService(
            CommandCodec codec, TransferBatchService transfers, WalletCommandDispatcher dispatcher, MeterRegistry meters,
            @Value("${wallet.processor.command-batch-time-budget:60s}") Duration timeBudget) {
        return new ProcessCommandBatchService(codec, transfers, dispatcher, meters, timeBudget);
    }

    @Bean
    FailDeadLetteredCommandService failDeadLetteredCommandService(TransactionTemplate tx, Transactions transactions,
                                                                  LedgerTransitions ledger, MeterRegistry meters) {
        return new FailDeadLetteredCommandService(tx, transactions, ledger, meters);
    }
}
