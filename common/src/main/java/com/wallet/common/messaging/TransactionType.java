package com.wallet.common.messaging;

public enum TransactionType { DEPOSIT, WITHDRAWAL, TRANSFER }
