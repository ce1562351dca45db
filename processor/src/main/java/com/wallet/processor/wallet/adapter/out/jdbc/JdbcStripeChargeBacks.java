package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.port.StripeChargeBacks;

import com.wallet.processor.wallet.application.port.StripeChargeBacks;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcStripeChargeBacks implements StripeChargeBacks {

    private static final String REFUNDED = """
            INSERT INTO deposit_charge_backs (transaction_id, stripe_object_id, kind, amount, status)
            VALUES (:tx, :object, 'REFUND', :amount, 'REFUNDED')
            ON CONFLICT (transaction_id, stripe_object_id) DO UPDATE
            SET amount = GREATEST(deposit_charge_backs.amount, EXCLUDED.amount), updated_at = now()
            """;

    // Outcome precedence WON > LOST > OPEN, so events in any order end in the same state.
    private static final String DISPUTED = """
            INSERT INTO deposit_charge_backs (transaction_id, stripe_object_id, kind, amount, status)
            VALUES (:tx, :object, 'DISPUTE', :amount, :status)
            ON CONFLICT (transaction_id, stripe_object_id) DO UPDATE
            SET status = EXCLUDED.status, amount = GREATEST(deposit_charge_backs.amount, EXCLUDED.amount), updated_at = now()
            WHERE (CASE EXCLUDED.status WHEN 'WON' THEN 3 WHEN 'LOST' THEN 2 ELSE 1 END)
                > (CASE deposit_charge_backs.status WHEN 'WON' THEN 3 WHEN 'LOST' THEN 2 ELSE 1 END)
            """;

    private static final String CLAIMS = """
            SELECT COALESCE(sum(amount) FILTER (WHERE kind = 'REFUND'), 0) AS refunded,
                   COALESCE(sum(amount) FILTER (WHERE kind = 'DISPUTE' AND status <> 'WON'), 0) AS disputed
            FROM deposit_charge_backs WHERE transaction_id = :tx
            """;

    private final JdbcClient jdbc;

    JdbcStripeChargeBacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void refunded(UUID transactionId, String chargeId, long cumulativeAmount) {
        jdbc.sql(REFUNDED).param("tx", transactionId).param("object", chargeId).param("amount", cumulativeAmount).update();
    }

    @Override
    public void disputed(UUID transactionId, String disputeId, long amount, DisputeState state) {
        jdbc.sql(DISPUTED).param("tx", transactionId).param("object", disputeId).param("amount", amount)
                .param("status", state.name()).update();
    }

    @Override
    public Claims claims(UUID transactionId) {
        return jdbc.sql(CLAIMS).param("tx", transactionId)
                .query((rs, n) -> new Claims(rs.getLong("refunded"), rs.getLong("disputed"))).single();
    }
}
