package com.wallet.common.messaging;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/**
 * A command the gateway accepted and the processor applies. The transaction id is the command id:
 * one command per transaction, so redelivery and idempotency both hang off it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DepositFunds.class, name = "DEPOSIT"),
        @JsonSubTypes.Type(value = WithdrawFunds.class, name = "WITHDRAWAL"),
        @JsonSubTypes.Type(value = TransferFunds.class, name = "TRANSFER")
})
public sealed interface WalletCommand permits DepositFunds, WithdrawFunds, TransferFunds {

    UUID transactionId();

    /** The wallet whose partition orders this command: the source wallet. */
    UUID walletId();

    long amount();

    String currency();

    TransactionType type();
}
