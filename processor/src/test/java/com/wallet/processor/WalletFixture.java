package com.wallet.processor;

import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.messaging.WithdrawFunds;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes what the gateway would have written: wallets (funded through balanced postings) and PENDING transactions. */
public final class WalletFixture {

    private final JdbcClient jdbc;

    public WalletFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID aWalletWith(long balance) {
        return aWallet(balance, true, null);
    }

    public UUID aWallet(long balance, boolean active, String stripeAccountId) {
        return aWallet(UUID.randomUUID(), balance, active, stripeAccountId);
    }

    /** A funded active wallet with a chosen id (to pick its wallet.commands partition). */
    public UUID aWalletWithId(UUID id, long balance) {
        return aWallet(id, balance, true, null);
    }

    private UUID aWallet(UUID id, long balance, boolean active, String stripeAccountId) {
        jdbc.sql("INSERT INTO wallets (id, user_id, currency, balance, is_active, stripe_account_id) "
                        + "VALUES (:id, :user, 'USD', 0, true, :acct)")
                .param("id", id).param("user", "user-" + id).param("acct", stripeAccountId).update();
        if (balance > 0) {
            UUID seed = UUID.randomUUID();
            insertTransaction(seed, "DEPOSIT", id, null, balance, "COMPLETED", null);
            jdbc.sql("UPDATE wallets SET balance = :b WHERE id = :id").param("b", balance).param("id", id).update();
            jdbc.sql("INSERT INTO ledger_entries (transaction_id, account, wallet_id, amount, currency, entry_kind) VALUES "
                            + "(:tx, 'WALLET', :w, :a, 'USD', 'DEPOSIT'), (:tx, 'STRIPE_CLEARING', NULL, :n, 'USD', 'DEPOSIT')")
                    .param("tx", seed).param("w", id).param("a", balance).param("n", -balance).update();
        }
        if (!active) {
            jdbc.sql("UPDATE wallets SET is_active = false WHERE id = :id").param("id", id).update();
        }
        return id;
    }

    public TransferFunds pendingTransfer(UUID from, UUID to, long amount) {
        UUID tx = UUID.randomUUID();
        insertTransaction(tx, "TRANSFER", from, to, amount, "PENDING", null);
        return new TransferFunds(tx, from, to, amount, "USD");
    }

    public WithdrawFunds pendingWithdrawal(UUID wallet, long amount) {
        UUID tx = UUID.randomUUID();
        insertTransaction(tx, "WITHDRAWAL", wallet, null, amount, "PENDING", null);
        return new WithdrawFunds(tx, wallet, amount, "USD");
    }

    public DepositFunds pendingDeposit(UUID wallet, long amount, String paymentMethod, FieldCipher cipher) {
        UUID tx = UUID.randomUUID();
        byte[] sealed = cipher.seal(paymentMethod.getBytes(StandardCharsets.UTF_8), "transactions.payment_method:" + tx);
        insertTransaction(tx, "DEPOSIT", wallet, null, amount, "PENDING", sealed);
        return new DepositFunds(tx, wallet, amount, "USD", paymentMethod);
    }

    private void insertTransaction(UUID id, String type, UUID wallet, UUID counterparty, long amount, String status,
                                   byte[] paymentMethod) {
        jdbc.sql("""
                INSERT INTO transactions (id, wallet_id, counterparty_wallet_id, user_id, type, status, amount, currency,
                                          payment_method, request_fingerprint)
                VALUES (:id, :w, :c, :u, :type, :status, :amount, 'USD', :pm, 'fixture')
                """)
                .param("id", id).param("w", wallet).param("c", counterparty).param("u", "user-" + wallet)
                .param("type", type).param("status", status).param("amount", amount).param("pm", paymentMethod)
                .update();
    }

    public long balance(UUID wallet) {
        return jdbc.sql("SELECT balance FROM wallets WHERE id = :id").param("id", wallet).query(Long.class).single();
    }

    public long postingsOf(UUID wallet) {
        return jdbc.sql("SELECT COALESCE(sum(amount), 0) FROM ledger_entries WHERE wallet_id = :id AND account = 'WALLET'")
                .param("id", wallet).query(Long.class).single();
    }

    public String status(UUID tx) {
        return jdbc.sql("SELECT status FROM transactions WHERE id = :id").param("id", tx).query(String.class).single();
    }

    public Map<String, Object> row(UUID tx) {
        return jdbc.sql("SELECT * FROM transactions WHERE id = :id").param("id", tx).query().singleRow();
    }

    public long countByStatus(List<UUID> txs, String status) {
        return jdbc.sql("SELECT count(*) FROM transactions WHERE id IN (:ids) AND status = :s")
                .param("ids", txs).param("s", status).query(Long.class).single();
    }

    public long countByReason(List<UUID> txs, String reason) {
        return jdbc.sql("SELECT count(*) FROM transactions WHERE id IN (:ids) AND failure_reason = :r")
                .param("ids", txs).param("r", reason).query(Long.class).single();
    }

    /** Transactions among {@code txs} whose postings do not sum to zero (expected: none). */
    public long unbalancedTransactions(List<UUID> txs) {
        return jdbc.sql("SELECT count(*) FROM (SELECT transaction_id FROM ledger_entries WHERE transaction_id IN (:ids) "
                        + "GROUP BY transaction_id HAVING sum(amount) <> 0) t")
                .param("ids", txs).query(Long.class).single();
    }

    public long ledgerEntries(UUID tx) {
        return jdbc.sql("SELECT count(*) FROM ledger_entries WHERE transaction_id = :id").param("id", tx)
                .query(Long.class).single();
    }

    public long outboxEvents(UUID tx) {
        return jdbc.sql("SELECT count(*) FROM outbox_events WHERE transaction_id = :id").param("id", tx)
                .query(Long.class).single();
    }

    public long unpublishedOutboxEvents(List<UUID> txs) {
        return jdbc.sql("SELECT count(*) FROM outbox_events WHERE transaction_id IN (:ids) AND published_at IS NULL")
                .param("ids", txs).query(Long.class).single();
    }
}
