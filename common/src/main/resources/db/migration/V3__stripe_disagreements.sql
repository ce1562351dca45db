-- A Stripe event or object that disagrees with the processor's own record of a transaction
-- (another PaymentIntent, amount or currency, contract section 7): it moved no money and waits
-- here for an operator. bin/wallet check reports every unresolved row.
CREATE TABLE stripe_disagreements (
    id               bigserial   PRIMARY KEY,
    transaction_id   uuid        NOT NULL REFERENCES transactions (id),
    stripe_object_id text,
    stripe_event_id  text,      -- null when the reconciler found it
    field            text        NOT NULL CHECK (field IN ('payment_intent', 'amount', 'currency')),
    recorded         text        NOT NULL,
    reported         text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    resolved_at      timestamptz
);
-- The same disagreement seen again (a redelivered event, the reconciler's next round) is one row.
CREATE UNIQUE INDEX stripe_disagreements_open ON stripe_disagreements (transaction_id, field, reported)
    WHERE resolved_at IS NULL;
