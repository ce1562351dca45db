package com.wallet.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StripeEventParserTest {

    @Test
    void readsASucceededPaymentIntentWhateverItsApiVersion() {
        StripeEventMessage message = StripeEventParser.parse("""
                {"id":"evt_1","object":"event","api_version":"2020-01-01.basil","created":1700000000,
                 "type":"payment_intent.succeeded",
                 "data":{"object":{"id":"pi_1","object":"payment_intent","amount":1500,"currency":"usd","status":"succeeded",
                   "metadata":{"wallet_id":"w-1","transaction_id":"tx-1"},"last_payment_error":null}}}
                """).orElseThrow();

        assertThat(message).isEqualTo(new StripeEventMessage(
                "evt_1", "payment_intent.succeeded", "pi_1", "pi_1", "w-1", "tx-1", 1500, "usd", null, 1700000000L, "succeeded"));
    }

    @Test
    void readsTheFailureCodeOfAFailedPaymentIntent() {
        StripeEventMessage message = StripeEventParser.parse("""
                {"id":"evt_2","type":"payment_intent.payment_failed","created":1,
                 "data":{"object":{"id":"pi_2","object":"payment_intent","amount":100,"currency":"usd",
                   "metadata":{},"last_payment_error":{"code":"card_declined","decline_code":"insufficient_funds"}}}}
                """).orElseThrow();

        assertThat(message.failureCode()).isEqualTo("card_declined");
        assertThat(message.walletId()).isNull();
    }

    @Test
    void readsTheRefundedAmountOfARefundedCharge() {
        StripeEventMessage message = StripeEventParser.parse("""
                {"id":"evt_3","type":"charge.refunded","created":1,
                 "data":{"object":{"id":"ch_3","object":"charge","amount":1000,"amount_refunded":400,
                   "currency":"usd","payment_intent":"pi_3","metadata":{"wallet_id":"w-3"}}}}
                """).orElseThrow();

        assertThat(message.amount()).isEqualTo(400);
        assertThat(message.paymentIntentId()).isEqualTo("pi_3");
        assertThat(message.objectId()).isEqualTo("ch_3");
    }

    @Test
    void readsTheCumulativeReversedAmountOfAReversedTransfer() {
        StripeEventMessage message = StripeEventParser.parse("""
                {"id":"evt_7","type":"transfer.reversed","created":1,
                 "data":{"object":{"id":"tr_7","object":"transfer","amount":1000,"amount_reversed":250,
                   "currency":"usd","metadata":{"wallet_id":"w-7","transaction_id":"tx-7"}}}}
                """).orElseThrow();

        assertThat(message.amount()).isEqualTo(250);
        assertThat(message.objectId()).isEqualTo("tr_7");
        assertThat(message.transactionId()).isEqualTo("tx-7");
    }

    @Test
    void readsTheDisputedAmountAndThePayoutFailureCode() {
        assertThat(StripeEventParser.parse("""
                {"id":"evt_4","type":"charge.dispute.created","created":1,
                 "data":{"object":{"id":"du_4","object":"dispute","amount":700,"charge":"ch_4",
                   "currency":"usd","payment_intent":"pi_4","metadata":{}}}}
                """).orElseThrow().amount()).isEqualTo(700);
        assertThat(StripeEventParser.parse("""
                {"id":"evt_5","type":"payout.failed","created":1,
                 "data":{"object":{"id":"po_5","object":"payout","amount":50,"failure_code":"account_closed"}}}
                """).orElseThrow().failureCode()).isEqualTo("account_closed");
    }

    @Test
    void refusesJsonThatIsNoEvent() {
        assertThat(StripeEventParser.parse("[1,2]")).isEmpty();
        assertThat(StripeEventParser.parse("{\"id\":\"evt_6\",\"type\":\"x\"}")).isEmpty();
        assertThat(StripeEventParser.parse("not json")).isEmpty();
    }
}
