package com.wallet.gateway.wallet.application;

import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.crypto.Fingerprints;
import com.wallet.common.idempotency.RequestFingerprint;
import com.wallet.common.messaging.CommandCodec;
import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.messaging.WalletCommand;
import com.wallet.common.messaging.WithdrawFunds;
import com.wallet.common.observability.RequestId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts deposits, withdrawals and transfers: validates synchronously, then records the PENDING
 * transaction, its outbox event and the sealed command as one unit ({@link Submissions}); after
 * that sends the command to wallet.commands and answers PENDING. A send that fails is retried by
 * {@link CommandRelay} from the durable command_outbox row.
 */
public class SubmitTransactionService {

    private static final Logger log = LoggerFactory.getLogger(SubmitTransactionService.class);

    private final Wallets wallets;
    private final Transactions transactions;
    private final Submissions submissions;
    private final CommandPublisher publisher;
    private final PublishedCommands published;
    private final CommandCodec codec;
    private final FieldCipher cipher;
    private final Fingerprints fingerprints;
    private final TransactionQueries queries;
    private final long maxAmount;
    private final boolean payoutAccountRequired;
    private final Clock clock;
    private final MutationAdmission admission;

    public SubmitTransactionService(Wallets wallets, Transactions transactions, Submissions submissions,
                                    CommandPublisher publisher, PublishedCommands published, CommandCodec codec,
                                    FieldCipher cipher, Fingerprints fingerprints, TransactionQueries queries, long maxAmount, boolean payoutAccountRequired,
                                    Clock clock, MutationAdmission admission) {
        this.wallets = wallets;
        this.transactions = transactions;
        this.submissions = submissions;
        this.publisher = publisher;
        this.published = published;
        this.codec = codec;
        this.cipher = cipher;
        this.fingerprints = fingerprints;
        this.queries = queries;
        this.maxAmount = maxAmount;
        this.payoutAccountRequired = payoutAccountRequired;
        this.clock = clock;
        this.admission = admission;
    }

    public Transaction deposit(Caller caller, DepositRequest request) {
        admission.admit(caller);
        long amount = Inputs.amount(request.amount(), maxAmount);
        Wallet wallet = ownWallet(caller, request.walletId());
        Accepted accepted = new Accepted(TransactionType.DEPOSIT, wallet, null, amount, request.description(),
                request.paymentMethodId(), request.idempotencyKey());
        return submit(caller, accepted);
    }

    public Transaction withdraw(Caller caller, WithdrawRequest request) {
        admission.admit(caller);
        long amount = Inputs.amount(request.amount(), maxAmount);
        Wallet wallet = ownWallet(caller, request.walletId());
        if (payoutAccountRequired && (wallet.stripeAccountId() == null || wallet.stripeAccountId().isBlank())) {
            // Outside local mode there is no default account to pay out to: refuse now rather than fail later.
            throw RequestRejected.invalid("wallet has no stripeAccountId for payouts");
        }
        Accepted accepted = new Accepted(TransactionType.WITHDRAWAL, wallet, null, amount, request.description(),
                null, request.idempotencyKey());
        return submit(caller, accepted);
    }

    public Transaction transfer(Caller caller, TransferRequest request) {
        admission.admit(caller);
        long amount = Inputs.amount(request.amount(), maxAmount);
        if (request.fromWalletId().equals(request.toWalletId())) {
            throw new RequestRejected(RejectionCode.SAME_WALLET, "a transfer needs two different wallets");
        }
        // Both wallets in one read: a round trip less on every transfer.
        Map<UUID, Wallet> found = wallets.findAll(List.of(request.fromWalletId(), request.toWalletId()));
        Wallet source = owned(caller, Optional.ofNullable(found.get(request.fromWalletId())));
        Wallet destination = Optional.ofNullable(found.get(request.toWalletId()))
                .orElseThrow(() -> RequestRejected.notFound("destination wallet"));
        Accepted accepted = new Accepted(TransactionType.TRANSFER, source, destination, amount,
                request.description(), null, request.idempotencyKey());
        return submit(caller, accepted);
    }

    private Wallet ownWallet(Caller caller, UUID walletId) {
        return owned(caller, wallets.find(walletId));
    }

    private static Wallet owned(Caller caller, Optional<Wallet> wallet) {
        return wallet.filter(caller::owns).orElseThrow(() -> RequestRejected.notFound("wallet"));
    }

    private Transaction submit(Caller caller, Accepted request) {
        // Compared keyed: the stored form is fingerprints.of(...), which names its key (see Fingerprints).
        String fingerprint = request.fingerprint();
        Optional<RequestRejected> refusal = request.refusal();
        if (refusal.isPresent()) {
            // A repeated request is answered with its transaction even if it would be refused now
            // (its wallet frozen since): the key decides before the rules do.
            return earlier(caller, request).map(earlier -> replay(caller, earlier, fingerprint))
                    .orElseThrow(refusal::get);
        }

        UUID id = UUID.randomUUID();
        CommandEnvelope envelope = codec.seal(request.command(id));
        TransactionEvent pending = TransactionEvent.of(id, request.source().id(), request.destinationId(),
                request.type(), TransactionStatus.PENDING, request.amount(), request.currency(), null, List.of(),
                clock.instant());
        Optional<StoredTransaction> stored =
                submissions.record(request.pendingRow(id, caller, fingerprints.of(fingerprint), cipher), pending, envelope);
        if (stored.isEmpty()) {
            // The key is taken (an earlier request, or an identical one that won a race): answer with its transaction.
            return replay(caller, earlier(caller, request).orElseThrow(), fingerprint);
        }
        log.info("transaction {} accepted: {} on wallet {}", id, request.type(), request.source().id());
        // The row as inserted, before sending: the contract answers PENDING, and a fast processor may finish first.
        Transaction answer = queries.view(caller, stored.get());
        send(envelope);
        return answer;
    }

    private Optional<StoredTransaction> earlier(Caller caller, Accepted request) {
        return request.idempotencyKey() == null ? Optional.empty()
                : transactions.findByIdempotencyKey(caller.userId(), request.idempotencyKey());
    }

    private Transaction replay(Caller caller, StoredTransaction earlier, String fingerprint) {
        if (!fingerprints.matches(earlier.requestFingerprint(), fingerprint)) {
            throw new RequestRejected(RejectionCode.IDEMPOTENCY_KEY_REUSED,
                    "idempotencyKey was already used for a different request");
        }
        log.info("transaction {} replayed for a repeated idempotency key", earlier.id());
        return queries.view(caller, earlier);
    }

    /** Sends without waiting for the broker: the command_outbox row committed with the transaction is the promise. */
    private void send(CommandEnvelope envelope) {
        UUID commandId = UUID.fromString(envelope.commandId());
        publisher.publishAsync(envelope).whenComplete((ok, e) -> {
            if (e == null) {
                published.acknowledged(commandId);
            } else {
                // The command_outbox row is durable: the relay sends it later. The client got PENDING.
                log.warn("command {} not yet published, left to the relay: {}", envelope.commandId(),
                        e.getClass().getSimpleName());
            }
        });
    }

    /** A request that passed the stateless checks, with the wallets it concerns. */
    private record Accepted(TransactionType type, Wallet source, Wallet destination, long amount,
                            String description, String paymentMethod, String idempotencyKey) {

        String currency() {
            return source.currency();
        }

        UUID destinationId() {
            return destination == null ? null : destination.id();
        }

        String fingerprint() {
            return RequestFingerprint.of(type, source.id(), destinationId(), amount, currency(), description,
                    paymentMethod);
        }

        /** Why the request cannot be accepted as it stands, if it cannot. */
        Optional<RequestRejected> refusal() {
            if (destination != null && !destination.currency().equals(source.currency())) {
                return Optional.of(new RequestRejected(RejectionCode.CURRENCY_MISMATCH,
                        "the wallets hold different currencies"));
            }
            if (!source.isActive()) {
                return Optional.of(new RequestRejected(RejectionCode.WALLET_INACTIVE, "the wallet is frozen"));
            }
            return Optional.empty();
        }

        WalletCommand command(UUID id) {
            if (type == TransactionType.DEPOSIT) {
                return new DepositFunds(id, source.id(), amount, currency(), paymentMethod);
            }
            if (type == TransactionType.WITHDRAWAL) {
                return new WithdrawFunds(id, source.id(), amount, currency());
            }
            if (type == TransactionType.TRANSFER) {
                return new TransferFunds(id, source.id(), destination.id(), amount, currency());
            }
            throw new IllegalStateException("unhandled transaction type " + type);
        }

        PendingTransaction pendingRow(UUID id, Caller caller, String fingerprint, FieldCipher cipher) {
            return new PendingTransaction(id, source.id(), destinationId(), caller.userId(), type, amount,
                    currency(), seal(cipher, description, "transactions.description:" + id),
                    seal(cipher, paymentMethod, "transactions.payment_method:" + id), idempotencyKey, fingerprint,
                    RequestId.current()); // the HTTP request's id, put in the MDC by RequestIdFilter
        }

        private static byte[] seal(FieldCipher cipher, String value, String associatedData) {
            return value == null ? null : cipher.seal(value.getBytes(StandardCharsets.UTF_8), associatedData);
        }
    }
}
