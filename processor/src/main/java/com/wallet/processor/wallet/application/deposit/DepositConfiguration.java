package com.wallet.processor.wallet.application.deposit;

import com.wallet.common.crypto.FieldCipher;
import com.wallet.processor.wallet.application.CommandRows;
import com.wallet.processor.wallet.application.ReconcilerProperties;
import com.wallet.processor.wallet.application.WalletTransactions;
import com.wallet.processor.wallet.application.port.Ledger;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.PaymentGateway;
import com.wallet.processor.wallet.application.port.Shortfalls;
import com.wallet.processor.wallet.application.port.StripeChargeBacks;
import com.wallet.processor.wallet.application.port.StripeDisagreements;
import com.wallet.processor.wallet.application.port.StripeRecords;
import com.wallet.processor.wallet.application.port.TransactionsAwaitingStripe;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the deposit feature: its use cases and {@link DepositStripeEvents} are its public face; the
 * payments, outcomes, settlement and charge-backs they share stay package-private.
 */
@Configuration(proxyBeanMethods = false)
class DepositConfiguration {

    @Bean
    DepositPayments depositPayments(PaymentGateway payments, FieldCipher cipher) {
        return new DepositPayments(payments, cipher);
    }

    @Bean
    ChargeBackPostings chargeBackPostings(StripeChargeBacks claims, Ledger ledger, Shortfalls shortfalls,
                                          LedgerTransitions transitions) {
        return new ChargeBackPostings(claims, ledger, shortfalls, transitions);
    }

    @Bean
    DepositOutcomes depositOutcomes(StripeRecords records, LedgerTransitions transitions, FieldCipher cipher,
                                    StripeDisagreements disagreements, ChargeBackPostings chargeBacks) {
        return new DepositOutcomes(records, transitions, cipher, disagreements,
                new DepositSettlement(transitions, disagreements, chargeBacks));
    }

    @Bean
    DepositFundsService depositFundsService(WalletTransactions work, CommandRows rows, DepositPayments payments,
                                            DepositOutcomes outcomes) {
        return new DepositFundsService(work, rows, payments, outcomes);
    }

    @Bean
    ReconcileDepositsService reconcileDepositsService(TransactionsAwaitingStripe awaiting, ReconcilerProperties properties,
                                                      MeterRegistry meters, WalletTransactions work,
                                                      DepositPayments payments, DepositOutcomes outcomes) {
        return new ReconcileDepositsService(new StaleDeposits(awaiting, properties, meters), work, payments,
                outcomes);
    }

    @Bean
    DepositStripeEvents depositStripeEvents(DepositOutcomes outcomes, StripeChargeBacks claims,
                                            StripeDisagreements disagreements, ChargeBackPostings chargeBacks) {
        return new DepositStripeEvents(outcomes, new DepositChargeBacks(claims, disagreements, chargeBacks));
    }
}
