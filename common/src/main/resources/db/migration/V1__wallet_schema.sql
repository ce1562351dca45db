-- The wallet system's schema. The database, not the Redis lock, is what keeps the money rules
-- (contract section 6): balances cannot go negative, every posting group sums to zero, each
-- command and each Stripe event is applied at most once, and status changes are conditional.

CREATE TABLE wallets (
    id                uuid        PRIMARY KEY,
    user_id           text        NOT NULL CHECK (length(user_id) BETWEEN 1 AND 255),
    currency          char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    balance           bigint      NOT NULL DEFAULT 0,
    is_active         boolean     NOT NULL DEFAULT true,
    label             text,
    bank_details      bytea,      -- AES-256-GCM, bound to 'wallets.bank_details:<id>'
    stripe_account_id text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT wallet_balance_not_negative CHECK (balance >= 0)
);
CREATE INDEX wallets_by_user ON wallets (user_id, created_at, id);

CREATE TABLE transactions (
    id                       uuid        PRIMARY KEY,   -- also the command id
    wallet_id                uuid        NOT NULL REFERENCES wallets (id),
    counterparty_wallet_id   uuid        REFERENCES wallets (id),
    user_id                  text        NOT NULL,
    type                     text        NOT NULL CHECK (type IN ('DEPOSIT', 'WITHDRAWAL', 'TRANSFER')),
    status                   text        NOT NULL CHECK (status IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'REVERSED')),
    amount                   bigint      NOT NULL CHECK (amount > 0),
    currency                 char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    failure_reason           text        CHECK (failure_reason IN ('INSUFFICIENT_FUNDS', 'WALLET_INACTIVE',
                                                 'CARD_DECLINED', 'PAYMENT_FAILED', 'PAYOUT_FAILED')),
    description              bytea,      -- AES-256-GCM, bound to 'transactions.description:<id>'
    payment_method           bytea,      -- AES-256-GCM, bound to 'transactions.payment_method:<id>'
    metadata                 jsonb,
    idempotency_key          text        CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    request_fingerprint      text        NOT NULL,      -- SHA-256 of the request, for IDEMPOTENCY_KEY_REUSED
    stripe_payment_intent_id text        UNIQUE,
    stripe_transfer_id       text        UNIQUE,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT transfer_has_counterparty CHECK ((type = 'TRANSFER') = (counterparty_wallet_id IS NOT NULL)),
    CONSTRAINT counterparty_is_another_wallet CHECK (counterparty_wallet_id <> wallet_id),
    CONSTRAINT failed_has_reason CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL)),
    CONSTRAINT idempotency_key_once_per_user UNIQUE (user_id, idempotency_key)
);
-- History: every transaction where the wallet is source or destination, newest first.
CREATE INDEX transactions_by_wallet ON transactions (wallet_id, created_at DESC, id DESC);
CREATE INDEX transactions_by_counterparty ON transactions (counterparty_wallet_id, created_at DESC, id DESC)
    WHERE counterparty_wallet_id IS NOT NULL;
-- Operators and the recovery sweep look for transactions that have not reached a final status.
CREATE INDEX transactions_in_flight ON transactions (updated_at) WHERE status IN ('PENDING', 'PROCESSING');

-- Double-entry postings. amount is signed: credit > 0, debit < 0. Deposits and withdrawals post
-- against the Stripe clearing account; a shortfall (refund or dispute larger than the balance)
-- posts against the shortfall account for an operator to recover.
CREATE TABLE ledger_entries (
    id             bigserial   PRIMARY KEY,
    transaction_id uuid        NOT NULL REFERENCES transactions (id),
    account        text        NOT NULL CHECK (account IN ('WALLET', 'STRIPE_CLEARING', 'SHORTFALL')),
    wallet_id      uuid        REFERENCES wallets (id),
    amount         bigint      NOT NULL CHECK (amount <> 0),
    currency       char(3)     NOT NULL,
    entry_kind     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT wallet_account_names_wallet CHECK ((account = 'WALLET') = (wallet_id IS NOT NULL))
);
CREATE INDEX ledger_entries_by_wallet ON ledger_entries (wallet_id) WHERE wallet_id IS NOT NULL;
CREATE INDEX ledger_entries_by_transaction ON ledger_entries (transaction_id);

-- At commit, the postings of every transaction touched must sum to zero.
CREATE FUNCTION ledger_transaction_balanced() RETURNS trigger AS $$
BEGIN
    IF (SELECT sum(amount) FROM ledger_entries WHERE transaction_id = NEW.transaction_id) <> 0 THEN
        RAISE EXCEPTION 'ledger postings of transaction % do not sum to zero', NEW.transaction_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER ledger_entries_balanced
    AFTER INSERT ON ledger_entries
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balanced();

-- Each wallet.commands record is applied at most once, whatever Kafka redelivers.
CREATE TABLE processed_commands (
    command_id   uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- Each Stripe event is applied at most once, whatever Stripe or Kafka redelivers.
CREATE TABLE processed_stripe_events (
    event_id     text        PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- Transactional outbox of transaction state changes, relayed to wallet.transactions in sequence order.
CREATE TABLE outbox_events (
    sequence       bigserial   PRIMARY KEY,
    event_id       uuid        NOT NULL UNIQUE,
    transaction_id uuid        NOT NULL REFERENCES transactions (id),
    wallet_id      uuid        NOT NULL,
    payload        jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    published_at   timestamptz
);
CREATE INDEX outbox_events_unpublished ON outbox_events (sequence) WHERE published_at IS NULL;

-- Commands the gateway accepted, written in the same transaction as the PENDING row, so an
-- accepted request reaches Kafka even if the gateway dies before its own send completes.
CREATE TABLE command_outbox (
    command_id   uuid        PRIMARY KEY REFERENCES transactions (id),
    wallet_id    uuid        NOT NULL,
    envelope     jsonb       NOT NULL,   -- the encrypted CommandEnvelope, as published
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX command_outbox_unpublished ON command_outbox (created_at) WHERE published_at IS NULL;

-- Refunds or disputes that exceeded the wallet's balance: the part not recovered, for an operator.
CREATE TABLE shortfalls (
    id              bigserial   PRIMARY KEY,
    wallet_id       uuid        NOT NULL REFERENCES wallets (id),
    transaction_id  uuid        NOT NULL REFERENCES transactions (id),
    stripe_event_id text        NOT NULL UNIQUE,
    amount          bigint      NOT NULL CHECK (amount > 0),
    currency        char(3)     NOT NULL,
    reason          text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    resolved_at     timestamptz
);
