package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.Wallets;
import com.wallet.processor.wallet.domain.WalletState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcWallets implements Wallets {

    // NO KEY UPDATE, not UPDATE: the gateway's inserts into transactions take FOR KEY SHARE on the
    // wallets they reference (foreign keys); FOR UPDATE would conflict with that and deadlock with a
    // transfer submitted while one is being applied. Balance changes never touch a key.
    private static final String LOCK_FOR_UPDATE = """
            SELECT id, balance, currency, is_active FROM wallets
            WHERE id IN (:ids) ORDER BY id FOR NO KEY UPDATE
            """;
    private static final String DEBIT_ACTIVE = """
            UPDATE wallets SET balance = balance - :amount, updated_at = now()
            WHERE id = :id AND balance >= :amount AND is_active
            """;
    private static final String DEBIT = """
            UPDATE wallets SET balance = balance - :amount, updated_at = now()
            WHERE id = :id AND balance >= :amount
            """;
    private static final String CREDIT_ACTIVE = """
            UPDATE wallets SET balance = balance + :amount, updated_at = now()
            WHERE id = :id AND is_active
            """;
    private static final String CREDIT = """
            UPDATE wallets SET balance = balance + :amount, updated_at = now()
            WHERE id = :id
            """;
    private static final String STRIPE_ACCOUNT = """
            SELECT stripe_account_id FROM wallets WHERE id = :id
            """;

    private final JdbcClient jdbc;

    JdbcWallets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WalletState> lockForUpdate(List<UUID> walletIds) {
        return jdbc.sql(LOCK_FOR_UPDATE).param("ids", walletIds)
                .query((rs, n) -> new WalletState(rs.getObject("id", UUID.class), rs.getLong("balance"),
                        rs.getString("currency"), rs.getBoolean("is_active")))
                .list();
    }

    @Override
    public boolean debitActive(UUID walletId, long amount) {
        return update(DEBIT_ACTIVE, walletId, amount);
    }

    @Override
    public boolean debit(UUID walletId, long amount) {
        return update(DEBIT, walletId, amount);
    }

    @Override
    public boolean creditActive(UUID walletId, long amount) {
        return update(CREDIT_ACTIVE, walletId, amount);
    }

    @Override
    public boolean credit(UUID walletId, long amount) {
        return update(CREDIT, walletId, amount);
    }

    @Override
    public Optional<String> stripeAccountId(UUID walletId) {
        return jdbc.sql(STRIPE_ACCOUNT).param("id", walletId).query(String.class).optional();
    }

    private boolean update(String sql, UUID walletId, long amount) {
        return jdbc.sql(sql).param("id", walletId).param("amount", amount).update() == 1;
    }
}
