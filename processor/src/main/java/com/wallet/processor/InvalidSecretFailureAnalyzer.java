package com.wallet.processor;

import com.wallet.processor.wallet.application.InvalidSecretException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up with a missing or malformed secret ends with one clear line naming the variable. */
class InvalidSecretFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSecretException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + cause.variable() + " (bin/wallet up generates one).", cause);
    }
}
