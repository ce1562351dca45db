package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.port.ProcessedCommands;

import com.wallet.processor.wallet.application.port.ProcessedCommands;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcProcessedCommands implements ProcessedCommands {

    private static final String MARK = """
            INSERT INTO processed_commands (command_id) VALUES (:id) ON CONFLICT DO NOTHING
            """;

    private final JdbcClient jdbc;

    JdbcProcessedCommands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean markProcessed(UUID commandId) {
        return jdbc.sql(MARK).param("id", commandId).update() == 1;
    }
}
