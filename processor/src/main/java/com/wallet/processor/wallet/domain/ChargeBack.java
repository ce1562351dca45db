package com.wallet.processor.wallet.domain;

/**
 * A refund or dispute taken back from a wallet: what the wallet could pay ({@code recovered}) and
 * what it could not ({@code shortfall}, posted to the SHORTFALL account for an operator).
 */
public record ChargeBack(long recovered, long shortfall, Postings postings) {
}
