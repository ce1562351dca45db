package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.wallet.testsupport.LocalServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/**
 * Least privilege and append-only (contract 6.9), asked of the database itself: the gateway's own
 * connection (the application role) cannot change the schema, nor update or delete postings and
 * audit entries; the owner cannot either (a trigger refuses it).
 */
class DatabasePrivilegesIT extends GatewayITBase {

    private String transactionId;

    @BeforeEach
    void aTransactionWithPostingsAndAnAuditEntry() throws SQLException {
        assumeFalse(LocalServices.appUsername().equals(LocalServices.username()),
                "the services connect as the owner here (a container without the app role's password)");
        String user = token(newUser());
        String wallet = createWallet(user, "USD");
        transactionId = deposit(user, wallet, 500, null, null).data("deposit").path("id").asString();
        // what the processor would post when the deposit settles
        owner("INSERT INTO ledger_entries (transaction_id, account, wallet_id, amount, currency, entry_kind) VALUES "
                + "('" + transactionId + "', 'WALLET', '" + wallet + "', 500, 'USD', 'DEPOSIT'), "
                + "('" + transactionId + "', 'STRIPE_CLEARING', NULL, -500, 'USD', 'DEPOSIT')");
    }

    @Test
    void connectsAsTheApplicationRole() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("wallet_app");
        assertThat(jdbc.sql("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void theApplicationRoleCannotCreateAlterOrDropTables() {
        assertRefusedToApp("CREATE TABLE intruder (id int)", "permission denied");
        assertRefusedToApp("ALTER TABLE wallets ADD COLUMN intruder int", "must be owner");
        assertRefusedToApp("ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only", "must be owner");
        assertRefusedToApp("DROP TABLE audit_log", "must be owner");
        assertRefusedToApp("CREATE INDEX intruder ON wallets (label)", "must be owner");
        assertRefusedToApp("TRUNCATE outbox_events", "permission denied");
    }

    @Test
    void theApplicationRoleCannotUpdateOrDeletePostingsOrAuditEntries() {
        String ofTx = " WHERE transaction_id = '" + transactionId + "'";
        assertRefusedToApp("UPDATE ledger_entries SET amount = amount * 2" + ofTx, "permission denied");
        assertRefusedToApp("DELETE FROM ledger_entries" + ofTx, "permission denied");
        assertRefusedToApp("UPDATE audit_log SET actor = 'someone else'" + ofTx, "permission denied");
        assertRefusedToApp("DELETE FROM audit_log" + ofTx, "permission denied");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entries" + ofTx).query(Long.class).single()).isEqualTo(2);
    }

    /** DELETE only where the retention purge needs it (V8); no TRUNCATE anywhere. */
    @Test
    void theApplicationRoleDeletesOnlyWhatRetentionPurges() {
        assertThat(jdbc.sql("""
                SELECT table_name FROM information_schema.role_table_grants
                WHERE grantee = 'wallet_app' AND privilege_type = :p AND table_schema = 'public'""")
                .param("p", "DELETE").query(String.class).list())
                .containsExactlyInAnyOrder("processed_commands", "processed_stripe_events", "command_outbox",
                        "outbox_events");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM information_schema.role_table_grants
                WHERE grantee = 'wallet_app' AND privilege_type = 'TRUNCATE'""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT has_table_privilege('outbox_purged', 'INSERT') "
                + "AND has_table_privilege('outbox_purged', 'UPDATE')").query(Boolean.class).single()).isTrue();
        assertRefusedToApp("DELETE FROM wallets WHERE id = gen_random_uuid()", "permission denied");
        assertRefusedToApp("DELETE FROM transactions" + " WHERE id = '" + transactionId + "'", "permission denied");
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeletePostingsOrAuditEntriesEvenToTheOwner() throws SQLException {
        String ofTx = " WHERE transaction_id = '" + transactionId + "'";
        assertRefusedToOwner("UPDATE ledger_entries SET amount = amount * 2" + ofTx, "ledger_entries is append-only: UPDATE refused");
        assertRefusedToOwner("DELETE FROM ledger_entries" + ofTx, "ledger_entries is append-only: DELETE refused");
        assertRefusedToOwner("TRUNCATE ledger_entries", "ledger_entries is append-only: TRUNCATE refused");
        assertRefusedToOwner("UPDATE audit_log SET actor = 'someone else'" + ofTx, "audit_log is append-only: UPDATE refused");
        assertRefusedToOwner("DELETE FROM audit_log" + ofTx, "audit_log is append-only: DELETE refused");
        assertRefusedToOwner("TRUNCATE audit_log", "audit_log is append-only: TRUNCATE refused");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log" + ofTx).query(Long.class).single()).isEqualTo(1);
        // appending still works
        owner("INSERT INTO audit_log (actor, action, transaction_id) VALUES ('ops', 'NOTE', '" + transactionId + "')");
    }

    private void assertRefusedToApp(String sql, String message) {
        assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining(message);
    }

    private void assertRefusedToOwner(String sql, String message) {
        assertThatThrownBy(() -> owner(sql)).as(sql).isInstanceOf(SQLException.class).hasMessageContaining(message);
    }

    private static void owner(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(LocalServices.jdbcUrl("wallet_gateway_test"),
                LocalServices.username(), LocalServices.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
