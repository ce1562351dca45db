-- The X-Request-Id of the request that created a transaction (contract 5): the processor sends it
-- to Stripe as metadata request_id under the transaction's idempotency key, so it must be one
-- stable value per transaction (another value under the same key is an idempotency_error on a
-- replay). Null on rows written before this migration: those are sent without it, as they were.
ALTER TABLE transactions ADD COLUMN request_id text CHECK (request_id ~ '^[A-Za-z0-9._:-]{1,64}$');

-- Retention (README "Retention"): published outbox_events older than the horizon are deleted,
-- a prefix of each wallet's walletSequence at a time. What the invariant checker still needs of
-- them is kept here per wallet: the last walletSequence purged and its time (events keyed by the
-- wallet up to it are gone on purpose, not lost) and the sum of the purged events' postings to the
-- wallet (so the topic fold still equals the balance).
CREATE TABLE outbox_purged (
    wallet_id           uuid        PRIMARY KEY,
    through_sequence    bigint      NOT NULL DEFAULT 0,
    through_created_at  timestamptz,
    postings            bigint      NOT NULL DEFAULT 0,
    updated_at          timestamptz NOT NULL DEFAULT now()
);
-- The purge's scans: old processed ids and published command_outbox rows by age.
CREATE INDEX processed_commands_by_age ON processed_commands (processed_at);
CREATE INDEX processed_stripe_events_by_age ON processed_stripe_events (processed_at);
CREATE INDEX command_outbox_published_by_age ON command_outbox (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX outbox_events_published_by_age ON outbox_events (published_at) WHERE published_at IS NOT NULL;

-- Least privilege (V6) for the purge: wallet_app gets DELETE on exactly the four tables retention
-- empties, and reads and writes outbox_purged (said here, not left to V6's default privileges, which
-- hold only when the same owner runs every migration). Still nothing on ledger_entries or audit_log.
GRANT DELETE ON processed_commands, processed_stripe_events, command_outbox, outbox_events TO wallet_app;
GRANT SELECT, INSERT, UPDATE ON outbox_purged TO wallet_app;

-- An audit entry's "before" is the transaction's previous audit entry (TransactionAuditStatements):
-- the outbox events it was taken from before may since have been purged, the audit trail never is.
CREATE INDEX audit_log_by_transaction ON audit_log (transaction_id, id DESC) WHERE transaction_id IS NOT NULL;
