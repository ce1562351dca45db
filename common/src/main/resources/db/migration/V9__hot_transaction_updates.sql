-- A transfer's PENDING -> COMPLETED (or FAILED) becomes a HOT update: no index of transactions
-- names status or updated_at any more, and pages keep room for the new row version. Before, every
-- status change wrote a new entry in each of the table's seven indexes. Measured with pgbench
-- (insert PENDING, then complete it): WAL per transfer 3,709 -> 1,818 bytes, index growth about
-- half (README, Benchmark).
--
-- The reconciler's queue, which that index served, is now a table of its own: the deposits and
-- withdrawals in PROCESSING (waiting for Stripe), with the time they were last touched. A trigger
-- keeps it, so no code path can change a status and forget it; transfers never enter it. The
-- trigger runs as the owner: the application role only reads the queue (the reconciler).
CREATE TABLE transactions_awaiting_stripe (
    transaction_id uuid        PRIMARY KEY REFERENCES transactions (id),
    type           text        NOT NULL CHECK (type IN ('DEPOSIT', 'WITHDRAWAL')),
    updated_at     timestamptz NOT NULL
);
CREATE INDEX transactions_awaiting_stripe_by_age ON transactions_awaiting_stripe (type, updated_at);

CREATE FUNCTION track_awaiting_stripe() RETURNS trigger AS $$
BEGIN
    IF NEW.status = 'PROCESSING' THEN
        INSERT INTO transactions_awaiting_stripe (transaction_id, type, updated_at)
        VALUES (NEW.id, NEW.type, NEW.updated_at)
        ON CONFLICT (transaction_id) DO UPDATE SET updated_at = EXCLUDED.updated_at;
    ELSIF TG_OP = 'UPDATE' AND OLD.status = 'PROCESSING' THEN
        DELETE FROM transactions_awaiting_stripe WHERE transaction_id = NEW.id;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public;

CREATE TRIGGER transactions_awaiting_stripe_kept
    AFTER INSERT OR UPDATE OF status, updated_at ON transactions
    FOR EACH ROW WHEN (NEW.type <> 'TRANSFER')
    EXECUTE FUNCTION track_awaiting_stripe();

INSERT INTO transactions_awaiting_stripe (transaction_id, type, updated_at)
SELECT id, type, updated_at FROM transactions WHERE status = 'PROCESSING' AND type <> 'TRANSFER';

DROP INDEX transactions_in_flight;
ALTER TABLE transactions SET (fillfactor = 85);

-- V6's default privileges gave the application role INSERT and UPDATE: only the trigger writes here.
REVOKE INSERT, UPDATE ON transactions_awaiting_stripe FROM wallet_app;
