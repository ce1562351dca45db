package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.port.Wallets;

import com.wallet.processor.wallet.application.port.Wallets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcWallets implements Wallets {

    private static final String STRIPE_ACCOUNT = """
            SELECT stripe_account_id FROM wallets WHERE id = :id
            """;

    private final JdbcClient jdbc;

    JdbcWallets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> stripeAccountId(UUID walletId) {
        return jdbc.sql(STRIPE_ACCOUNT).param("id", walletId).query(String.class).optional();
    }
}
