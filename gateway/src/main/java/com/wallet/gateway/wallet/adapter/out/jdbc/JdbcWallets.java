package com.wallet.gateway.wallet.adapter.out.jdbc;

import com.wallet.gateway.wallet.application.NewWallet;
import com.wallet.gateway.wallet.application.Wallet;
import com.wallet.gateway.wallet.application.Wallets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class JdbcWallets implements Wallets {

    private static final String COLUMNS = "id, user_id, balance, currency, is_active, label, stripe_account_id, created_at";

    private static final String FIND = "SELECT " + COLUMNS + " FROM wallets WHERE id = :id";

    private static final String FIND_ALL = "SELECT " + COLUMNS + " FROM wallets WHERE id = ANY(CAST(:ids AS uuid[]))";

    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";

    private static final String FIND_BY_USER = "SELECT " + COLUMNS + """
             FROM wallets WHERE user_id = :userId ORDER BY created_at, id LIMIT :limit OFFSET :offset
            """;

    /** Serialises one user's wallet creations (a transaction-scoped advisory lock keyed by the user id). */
    private static final String LOCK_USER = "SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:userId, 20))";

    private static final String INSERT = """
            INSERT INTO wallets (id, user_id, currency, balance, is_active, label, bank_details, stripe_account_id)
            SELECT CAST(:id AS uuid), CAST(:userId AS text), CAST(:currency AS char(3)), 0, true, CAST(:label AS text),
                   CAST(:bankDetails AS bytea), CAST(:stripeAccountId AS text)
            WHERE (SELECT count(*) FROM wallets WHERE user_id = :userId) < :maxPerUser
            """;

    private static final String SET_ACTIVE = """
            UPDATE wallets SET is_active = :active, updated_at = now() WHERE id = :id
            RETURNING\s""" + COLUMNS;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    JdbcWallets(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Optional<Wallet> find(UUID id) {
        return jdbc.sql(FIND).param("id", id).query(JdbcWallets::wallet).optional();
    }

    @Override
    public Map<UUID, Wallet> findAll(Collection<UUID> ids) {
        // list(), not stream(): an unclosed stream would keep the connection out of the pool.
        return jdbc.sql(FIND_ALL).param("ids", ids.toArray(UUID[]::new)).query(JdbcWallets::wallet).list().stream()
                .collect(Collectors.toMap(Wallet::id, Function.identity()));
    }

    @Override
    public Optional<Wallet> findForUpdate(UUID id) {
        return jdbc.sql(FIND_FOR_UPDATE).param("id", id).query(JdbcWallets::wallet).optional();
    }

    @Override
    public List<Wallet> findByUser(String userId, int limit, int offset) {
        return jdbc.sql(FIND_BY_USER).param("userId", userId).param("limit", limit).param("offset", offset)
                .query(JdbcWallets::wallet).list();
    }

    /**
     * The lock and the counting insert share one transaction: the insert's snapshot is taken after the
     * lock is held, so it sees every wallet a concurrent creation of the same user committed.
     */
    @Override
    public boolean insertWithinLimit(NewWallet wallet, int maxPerUser) {
        Boolean inserted = tx.execute(status -> {
            jdbc.sql(LOCK_USER).param("userId", wallet.userId()).query(Integer.class).single();
            return jdbc.sql(INSERT)
                    .param("id", wallet.id())
                    .param("userId", wallet.userId())
                    .param("currency", wallet.currency())
                    .param("label", wallet.label())
                    .param("bankDetails", wallet.sealedBankDetails())
                    .param("stripeAccountId", wallet.stripeAccountId())
                    .param("maxPerUser", maxPerUser)
                    .update() == 1;
        });
        return Boolean.TRUE.equals(inserted);
    }

    @Override
    public Optional<Wallet> setActive(UUID id, boolean active) {
        return jdbc.sql(SET_ACTIVE).param("id", id).param("active", active).query(JdbcWallets::wallet).optional();
    }

    private static Wallet wallet(ResultSet rs, int row) throws SQLException {
        return new Wallet(rs.getObject("id", UUID.class), rs.getString("user_id"), rs.getLong("balance"),
                rs.getString("currency"), rs.getBoolean("is_active"), rs.getString("label"),
                rs.getString("stripe_account_id"), rs.getTimestamp("created_at").toInstant());
    }

    static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
