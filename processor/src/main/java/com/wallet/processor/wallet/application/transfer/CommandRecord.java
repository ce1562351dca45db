package com.wallet.processor.wallet.application.transfer;

import com.wallet.common.messaging.CommandEnvelope;

/**
 * One wallet.commands record of a poll: its position in the poll (what a failure reports), its
 * key, its envelope (null when it could not be read) and the request id of its headers.
 */
public record CommandRecord(int index, String key, CommandEnvelope envelope, String requestId) {
}
