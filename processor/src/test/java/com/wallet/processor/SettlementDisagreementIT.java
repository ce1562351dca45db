package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.StripeEventMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Settlement trusts our record, not the event (contract section 7): a payment_intent.succeeded
 * naming another PaymentIntent, amount or currency credits nothing, is kept for an operator, and
 * leaves the deposit open; the one that agrees settles it, once.
 */
class SettlementDisagreementIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void creditsNothingForAnEventThatDisagreesWithTheRecordThenSettlesTheOneThatAgrees() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 5_000, "pm_card_visa", cipher);
        UUID tx = deposit.transactionId();
        String recorded = "pi_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("UPDATE transactions SET status = 'PROCESSING', stripe_payment_intent_id = :pi WHERE id = :id")
                .param("pi", recorded).param("id", tx).update();

        succeeded(tx, wallet, "pi_other", 5_000, "usd");       // another PaymentIntent
        succeeded(tx, wallet, recorded, 50_000, "usd");   // another amount
        succeeded(tx, wallet, recorded, 5_000, "eur");    // another currency

        await().atMost(PATIENCE).until(() -> disagreements(tx).size() == 3);
        assertThat(disagreements(tx)).extracting(r -> r.get("field") + ":" + r.get("recorded") + "->" + r.get("reported"))
                .containsExactlyInAnyOrder("payment_intent:" + recorded + "->pi_other", "amount:5000->50000",
                        "currency:USD->EUR");
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");
        assertThat(wallets.balance(wallet)).isZero();
        assertThat(wallets.ledgerEntries(tx)).isZero();

        String agreeing = succeeded(tx, wallet, recorded, 5_000, "usd");
        String again = succeeded(tx, wallet, recorded, 5_000, "usd");

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        await().atMost(PATIENCE).until(() -> processed(List.of(agreeing, again)) == 2);
        assertThat(wallets.balance(wallet)).isEqualTo(5_000);
        assertThat(wallets.ledgerEntries(tx)).isEqualTo(2);
        assertThat(disagreements(tx)).hasSize(3);
    }

    private String succeeded(UUID tx, UUID wallet, String paymentIntent, long amount, String currency) {
        StripeEventMessage event = new StripeEventMessage("evt_" + UUID.randomUUID(), "payment_intent.succeeded",
                paymentIntent, paymentIntent, wallet.toString(), tx.toString(), amount, currency, null,
                System.currentTimeMillis() / 1000, "succeeded");
        sendStripeEvent(event);
        return event.eventId();
    }

    private List<Map<String, Object>> disagreements(UUID tx) {
        return jdbc.sql("SELECT field, recorded, reported FROM stripe_disagreements WHERE transaction_id = :tx AND resolved_at IS NULL")
                .param("tx", tx).query().listOfRows();
    }

    private long processed(List<String> eventIds) {
        return jdbc.sql("SELECT count(*) FROM processed_stripe_events WHERE event_id IN (:ids)").param("ids", eventIds)
                .query(Long.class).single();
    }
}
