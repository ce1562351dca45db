-- Per-wallet order on wallet.transactions (contract 6.6). The global outbox sequence is taken at
-- INSERT time, so a gateway PENDING insert and a processor update of the same wallet could commit
-- in the other order than their sequence numbers. A per-wallet counter row, incremented in the
-- same statement that appends the event, is held locked until commit: the next event of that
-- wallet waits for it, so walletSequence order is commit order and rises by exactly one.
CREATE TABLE wallet_event_sequences (
    wallet_id     uuid   PRIMARY KEY REFERENCES wallets (id),
    last_sequence bigint NOT NULL CHECK (last_sequence > 0)
);

-- Null only on events written before this migration.
ALTER TABLE outbox_events ADD COLUMN wallet_sequence bigint;
ALTER TABLE outbox_events ADD CONSTRAINT outbox_events_wallet_sequence_once UNIQUE (wallet_id, wallet_sequence);

-- A command the processor cannot apply at all (e.g. undecryptable) is dead-lettered and its
-- transaction still reaches a final status (contract 5 and 8).
ALTER TABLE transactions DROP CONSTRAINT transactions_failure_reason_check;
ALTER TABLE transactions ADD CONSTRAINT transactions_failure_reason_check CHECK (failure_reason IN (
    'INSUFFICIENT_FUNDS', 'WALLET_INACTIVE', 'CARD_DECLINED', 'PAYMENT_FAILED', 'PAYOUT_FAILED', 'PROCESSING_ERROR'));
