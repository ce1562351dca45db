package com.wallet.common.messaging;

/**
 * Why an accepted transaction ended FAILED (contract section 5). {@code PROCESSING_ERROR}: the
 * processor could not apply the command at all (it was dead-lettered).
 */
public enum FailureReason {
    INSUFFICIENT_FUNDS, WALLET_INACTIVE, CARD_DECLINED, PAYMENT_FAILED, PAYOUT_FAILED, PROCESSING_ERROR
}
