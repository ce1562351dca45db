-- What Stripe says was taken back from a deposit, one row per Stripe object: the charge's cumulative
-- refunded amount (ch_...) and each dispute (du_...) with its outcome. The processor posts the
-- difference between what these owe, capped at the deposit, and what the ledger already took back,
-- so refunds and disputes net against each other, each dispute debits once and is reinstated once,
-- and events in any order (or before the deposit settled) end at the same balances.
CREATE TABLE deposit_charge_backs (
    transaction_id   uuid        NOT NULL REFERENCES transactions (id),
    stripe_object_id text        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('REFUND', 'DISPUTE')),
    amount           bigint      NOT NULL CHECK (amount >= 0),
    status           text        NOT NULL CHECK (status IN ('REFUNDED', 'OPEN', 'WON', 'LOST')),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (transaction_id, stripe_object_id)
);
