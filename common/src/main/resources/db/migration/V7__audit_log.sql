-- The audit trail (contract 5, auditLog): every state change of a transaction (actor: the user who
-- created it, then `system` for the processor) and every admin action (freeze, unfreeze, token
-- revocation, actor: the admin's sub), written in the same database transaction as the change, so
-- a change that rolls back leaves no entry and a committed one always has its entry. before and
-- after hold states only (status, failure reason, postings, is_active): never a description, bank
-- detail, payment method or secret (contract 8).
CREATE TABLE audit_log (
    id                     bigserial   PRIMARY KEY,
    occurred_at            timestamptz NOT NULL DEFAULT now(),
    actor                  text        NOT NULL CHECK (length(actor) BETWEEN 1 AND 255),
    action                 text        NOT NULL CHECK (action ~ '^[A-Z][A-Z_]*$'),
    wallet_id              uuid,
    counterparty_wallet_id uuid,       -- a transfer's destination: its wallet's log shows the transfer too
    transaction_id         uuid,
    before                 jsonb,
    after                  jsonb
);
-- auditLog lists newest first, all of it or one wallet's (as source or destination).
CREATE INDEX audit_log_by_wallet ON audit_log (wallet_id, id DESC) WHERE wallet_id IS NOT NULL;
CREATE INDEX audit_log_by_counterparty ON audit_log (counterparty_wallet_id, id DESC)
    WHERE counterparty_wallet_id IS NOT NULL;

-- Append-only, like the postings (contract 6.9): no UPDATE or DELETE for the application role,
-- and the trigger refuses them (and TRUNCATE) to everyone.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM wallet_app;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

-- A transaction's audit entry takes its "before" from the transaction's previous outbox event.
CREATE INDEX outbox_events_by_transaction ON outbox_events (transaction_id, sequence DESC);
