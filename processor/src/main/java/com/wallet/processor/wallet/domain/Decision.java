package com.wallet.processor.wallet.domain;

import com.wallet.common.messaging.FailureReason;
import java.util.Objects;

/** The outcome of applying a rule: business rejections are values, not exceptions. */
public sealed interface Decision permits Decision.Accepted, Decision.Rejected {

    record Accepted(Postings postings) implements Decision {
        public Accepted {
            Objects.requireNonNull(postings, "postings");
        }
    }

    record Rejected(FailureReason reason) implements Decision {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
