package com.wallet.checker;

/** One money rule of contract section 6, checked over the evidence: a pure function, no I/O. */
interface Invariant {

    InvariantResult check(Evidence evidence);
}
