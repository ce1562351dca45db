package com.wallet.common.messaging;

/** Why an accepted transaction ended FAILED (contract section 5). */
public enum FailureReason {
    INSUFFICIENT_FUNDS, WALLET_INACTIVE, CARD_DECLINED, PAYMENT_FAILED, PAYOUT_FAILED
}
