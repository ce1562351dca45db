package com.wallet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.outbox.OutboxStatements;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void replacesEachNamedParameterWithAPlaceholderAndKeepsTheNamesInOrder() {
        NamedSql sql = NamedSql.of("UPDATE t SET a = :a, b = :b::jsonb WHERE id = :id AND a <> :a");

        assertThat(sql.jdbc()).isEqualTo("UPDATE t SET a = ?, b = ?::jsonb WHERE id = ? AND a <> ?");
        assertThat(sql.names()).containsExactly("a", "b", "id", "a");
    }

    @Test
    void readsTheSharedOutboxAppendWithTheFourParametersTheBenchBinds() {
        NamedSql sql = NamedSql.of(OutboxStatements.APPEND);

        assertThat(sql.names()).containsOnly("eventId", "transactionId", "walletId", "payload");
        assertThat(sql.jdbc()).doesNotContain(":eventId", ":walletId").contains("'{walletSequence}'");
    }
}
