package com.wallet.common.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a missing or malformed secret as one line naming the variable, without a stack trace. */
public class InvalidSecretFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSecretException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + cause.variable() + " in the environment (bin/wallet up generates local values).", cause);
    }
}
