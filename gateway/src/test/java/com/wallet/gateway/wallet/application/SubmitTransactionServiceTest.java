package com.wallet.gateway.wallet.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.crypto.KeyRing;
import com.wallet.common.messaging.CommandCodec;
import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.HashSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The service's rules with in-memory ports: what is rejected writes and publishes nothing. */
class SubmitTransactionServiceTest {

    private static final long MAX = 1_000;
    private static final String KEY_A = "0123456789abcdef0123456789abcdef";
    private static final String KEY_B = "fedcba9876543210fedcba9876543210";
    private final FieldCipher cipher = KeyRing.parse(KEY_A, "").cipher(KeyRing.Purpose.AT_REST);
    private final InMemoryWallets wallets = new InMemoryWallets();
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final List<TransactionEvent> events = new ArrayList<>();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<CommandEnvelope> published = new ArrayList<>();
    private final PublishedCommands marks = new PublishedCommands(outbox);
    private boolean brokerDown;
    private SubmitTransactionService service;

    private final Caller alice = new Caller("alice", false);
    private final Caller bob = new Caller("bob", false);

    @BeforeEach
    void setUp() {
        CommandPublisher publisher = envelope -> {
            if (brokerDown) {
                throw new CommandPublisher.NotPublished("down", null);
            }
            published.add(envelope);
        };
        service = service(KeyRing.parse(KEY_A, ""), publisher);
    }

    private SubmitTransactionService service(KeyRing ring, CommandPublisher publisher) {
        FieldCipher atRest = ring.cipher(KeyRing.Purpose.AT_REST);
        TransactionQueries queries = new TransactionQueries(transactions, wallets, atRest);
        Submissions submissions = (row, pending, command) -> transactions.insertPending(row).map(stored -> {
            events.add(pending);
            outbox.rows.put(UUID.fromString(command.commandId()), command);
            return stored;
        });
        return new SubmitTransactionService(wallets, transactions, submissions, publisher, marks,
                new CommandCodec(ring.cipher(KeyRing.Purpose.COMMANDS), JsonMapper.builder().build()), atRest,
                ring.fingerprints(), queries, MAX, false,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), new MutationAdmission(RateLimits.NONE));
    }

    private UUID wallet(Caller owner, String currency, boolean active) {
        UUID id = UUID.randomUUID();
        wallets.put(new Wallet(id, owner.userId(), 0, currency, active, null, null, Instant.now()));
        return id;
    }

    private void assertRejected(Runnable action, RejectionCode code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(RequestRejected.class,
                e -> assertThat(e.code()).isEqualTo(code));
        assertThat(transactions.rows).isEmpty();
        assertThat(events).isEmpty();
        assertThat(outbox.rows).isEmpty();
        assertThat(published).isEmpty();
    }

    private DepositRequest deposit(UUID wallet, long amount, String key) {
        return new DepositRequest(wallet, amount, "pm_card_visa", "memo", key);
    }

    @Test
    void acceptsADepositPendingWithOneRowOneEventOneCommand() {
        UUID w = wallet(alice, "USD", true);

        Transaction tx = service.deposit(alice, deposit(w, 500, null));

        assertThat(tx.status()).isEqualTo(TransactionStatus.PENDING);
        assertThat(tx.description()).isEqualTo("memo");
        assertThat(transactions.rows).hasSize(1);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(TransactionStatus.PENDING);
            assertThat(e.transactionId()).isEqualTo(tx.id());
        });
        assertThat(published).singleElement().satisfies(e -> assertThat(e.walletId()).isEqualTo(w.toString()));
        assertThat(outbox.published).isEmpty();     // marked in the next round, not by the mutation
        assertThat(marks.mark()).isEqualTo(1);
        assertThat(outbox.published).containsExactly(tx.id());
    }

    @Test
    void rejectsAmountsOutsideTheLimits() {
        UUID w = wallet(alice, "USD", true);
        assertRejected(() -> service.deposit(alice, deposit(w, 0, null)), RejectionCode.INVALID_AMOUNT);
        assertRejected(() -> service.deposit(alice, deposit(w, MAX + 1, null)), RejectionCode.INVALID_AMOUNT);
    }

    @Test
    void rejectsAnotherUsersWalletAsNotFound() {
        UUID bobs = wallet(bob, "USD", true);
        assertRejected(() -> service.deposit(alice, deposit(bobs, 5, null)), RejectionCode.NOT_FOUND);
        assertRejected(() -> service.withdraw(alice, new WithdrawRequest(bobs, 5, null, null)),
                RejectionCode.NOT_FOUND);
    }

    @Test
    void rejectsSameWalletCurrencyMismatchAndUnknownDestination() {
        UUID usd = wallet(alice, "USD", true);
        UUID eur = wallet(bob, "EUR", true);
        assertRejected(() -> service.transfer(alice, new TransferRequest(usd, usd, 5, null, null)),
                RejectionCode.SAME_WALLET);
        assertRejected(() -> service.transfer(alice, new TransferRequest(usd, eur, 5, null, null)),
                RejectionCode.CURRENCY_MISMATCH);
        assertRejected(() -> service.transfer(alice, new TransferRequest(usd, UUID.randomUUID(), 5, null, null)),
                RejectionCode.NOT_FOUND);
    }

    @Test
    void rejectsMovementsFromAFrozenWallet() {
        UUID frozen = wallet(alice, "USD", false);
        UUID other = wallet(bob, "USD", true);
        assertRejected(() -> service.deposit(alice, deposit(frozen, 5, null)), RejectionCode.WALLET_INACTIVE);
        assertRejected(() -> service.transfer(alice, new TransferRequest(frozen, other, 5, null, null)),
                RejectionCode.WALLET_INACTIVE);
    }

    @Test
    void aTransferToAFrozenOrForeignWalletIsAccepted() {
        UUID source = wallet(alice, "USD", true);
        UUID destination = wallet(bob, "USD", false);
        Transaction tx = service.transfer(alice, new TransferRequest(source, destination, 5, null, null));
        assertThat(tx.counterpartyWalletId()).isEqualTo(destination);
        assertThat(published).hasSize(1);
    }

    @Test
    void repeatsTheSameTransactionForTheSameKeyAndRequest() {
        UUID w = wallet(alice, "USD", true);
        Transaction first = service.deposit(alice, deposit(w, 5, "k"));
        Transaction second = service.deposit(alice, deposit(w, 5, "k"));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(published).hasSize(1);
        assertThat(transactions.rows).hasSize(1);
        assertThatThrownBy(() -> service.deposit(alice, deposit(w, 6, "k")))
                .isInstanceOfSatisfying(RequestRejected.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.IDEMPOTENCY_KEY_REUSED));
        assertThat(published).hasSize(1);
    }

    @Test
    void aRepeatedRequestGetsItsTransactionEvenAfterItsWalletWasFrozen() {
        UUID w = wallet(alice, "USD", true);
        Transaction first = service.deposit(alice, deposit(w, 5, "k"));
        wallets.setActive(w, false);

        assertThat(service.deposit(alice, deposit(w, 5, "k")).id()).isEqualTo(first.id());
        assertThatThrownBy(() -> service.deposit(alice, deposit(w, 5, "k2")))
                .isInstanceOfSatisfying(RequestRejected.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.WALLET_INACTIVE));
        assertThat(transactions.rows).hasSize(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void anIdempotencyKeyStillMatchesItsRequestAfterAKeyRotation() {
        UUID w = wallet(alice, "USD", true);
        Transaction first = service.deposit(alice, deposit(w, 5, "k"));
        SubmitTransactionService rotated = service(KeyRing.parse(KEY_B, KEY_A), published::add);

        assertThat(rotated.deposit(alice, deposit(w, 5, "k")).id()).isEqualTo(first.id());
        assertThatThrownBy(() -> rotated.deposit(alice, deposit(w, 6, "k")))
                .isInstanceOfSatisfying(RequestRejected.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.IDEMPOTENCY_KEY_REUSED));
        Transaction fresh = rotated.deposit(alice, deposit(w, 7, "k2"));
        assertThat(transactions.rows.get(fresh.id()).requestFingerprint())
                .startsWith(KeyRing.parse(KEY_B, "").currentKeyId() + ":");
        assertThat(published).hasSize(2);
        assertThat(published.get(1).keyId()).isEqualTo(KeyRing.parse(KEY_B, "").currentKeyId());
    }

    @Test
    void answersPendingWhenTheBrokerIsDownAndLeavesTheCommandToTheRelay() {
        UUID w = wallet(alice, "USD", true);
        brokerDown = true;

        Transaction tx = service.deposit(alice, deposit(w, 5, null));

        assertThat(tx.status()).isEqualTo(TransactionStatus.PENDING);
        assertThat(outbox.rows).containsKey(tx.id());
        assertThat(marks.mark()).isZero();
        assertThat(outbox.published).isEmpty();

        brokerDown = false;
        CommandRelay relay = new CommandRelay(outbox, envelope -> published.add(envelope),
                new TransactionTemplate(new NoOpTransactionManager()), Duration.ZERO, 10);
        assertThat(relay.relay()).isEqualTo(1);
        assertThat(published).singleElement().satisfies(e -> assertThat(e.commandId()).isEqualTo(tx.id().toString()));
        assertThat(relay.relay()).isZero();
    }

    // ---- in-memory ports -------------------------------------------------------------------

    static final class InMemoryWallets implements Wallets {
        final Map<UUID, Wallet> rows = new HashMap<>();

        void put(Wallet wallet) {
            rows.put(wallet.id(), wallet);
        }

        @Override
        public Optional<Wallet> find(UUID id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Map<UUID, Wallet> findAll(Collection<UUID> ids) {
            Map<UUID, Wallet> found = new HashMap<>();
            ids.forEach(id -> find(id).ifPresent(w -> found.put(id, w)));
            return found;
        }

        @Override
        public Optional<Wallet> findForUpdate(UUID id) {
            return find(id);
        }

        @Override
        public List<Wallet> findByUser(String userId, int limit, int offset) {
            return rows.values().stream().filter(w -> w.userId().equals(userId)).skip(offset).limit(limit).toList();
        }

        @Override
        public boolean insertWithinLimit(NewWallet wallet, int maxPerUser) {
            put(new Wallet(wallet.id(), wallet.userId(), 0, wallet.currency(), true, wallet.label(),
                    wallet.stripeAccountId(), Instant.now()));
            return true;
        }

        @Override
        public Optional<Wallet> setActive(UUID id, boolean active) {
            return find(id).map(w -> {
                Wallet changed = new Wallet(w.id(), w.userId(), w.balance(), w.currency(), active, w.label(),
                        w.stripeAccountId(), w.createdAt());
                put(changed);
                return changed;
            });
        }
    }

    static final class InMemoryTransactions implements Transactions {
        final Map<UUID, StoredTransaction> rows = new LinkedHashMap<>();
        final Map<String, UUID> keys = new HashMap<>();

        @Override
        public Optional<StoredTransaction> find(UUID id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Optional<StoredTransaction> findByIdempotencyKey(String userId, String key) {
            return Optional.ofNullable(keys.get(userId + "/" + key)).map(rows::get);
        }

        /** What the submission's INSERT ... ON CONFLICT DO NOTHING does to the transactions table. */
        Optional<StoredTransaction> insertPending(PendingTransaction tx) {
            if (tx.idempotencyKey() != null && keys.putIfAbsent(tx.userId() + "/" + tx.idempotencyKey(), tx.id()) != null) {
                return Optional.empty();
            }
            Instant now = Instant.now();
            rows.put(tx.id(), new StoredTransaction(tx.id(), tx.walletId(), tx.counterpartyWalletId(), tx.userId(),
                    tx.type(), TransactionStatus.PENDING, tx.amount(), tx.currency(), null, tx.sealedDescription(),
                    null, tx.requestFingerprint(), null, null, now, now));
            return Optional.of(rows.get(tx.id()));
        }

        @Override
        public List<StoredTransaction> history(UUID walletId, int limit, int offset) {
            return rows.values().stream()
                    .filter(t -> walletId.equals(t.walletId()) || walletId.equals(t.counterpartyWalletId()))
                    .sorted(Comparator.comparing(StoredTransaction::createdAt).reversed())
                    .skip(offset).limit(limit).toList();
        }
    }

    static final class InMemoryOutbox implements CommandOutbox {
        final Map<UUID, CommandEnvelope> rows = new LinkedHashMap<>();
        final Set<UUID> published = new HashSet<>();

        @Override
        public void markPublished(UUID commandId) {
            published.add(commandId);
        }

        @Override
        public List<Unsent> lockUnpublished(Duration olderThan, int limit) {
            return rows.entrySet().stream().filter(e -> !published.contains(e.getKey()))
                    .map(e -> new Unsent(e.getValue(), null)).limit(limit).toList();
        }
    }

    /** Runs the callback as if in a transaction; the in-memory ports need nothing more. */
    static final class NoOpTransactionManager extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
