package com.wallet.stripeemulator;

import org.springframework.test.context.TestPropertySource;

/**
 * The same API behaviour with the state file on: each change runs alone and is written before it is
 * answered, and faults (a stalled request's 409, slow and dropped answers) still behave as without it.
 */
@TestPropertySource(properties = "emulator.state-file=target/state-file-it/state.jsonl")
class StripeEmulatorWithStateFileIT extends StripeEmulatorIT {
}
