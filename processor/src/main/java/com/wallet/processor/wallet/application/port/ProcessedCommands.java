package com.wallet.processor.wallet.application.port;

import java.util.UUID;

/** Port: each command applied at most once. */
public interface ProcessedCommands {

    /** @return false when the command was already marked (a redelivery) */
    boolean markProcessed(UUID commandId);
}
