package com.wallet.processor.wallet.application;

/** What handling one command or event did; a metric tag. */
public enum Outcome {
    COMPLETED, FAILED, PROCESSING, DUPLICATE, IGNORED
}
