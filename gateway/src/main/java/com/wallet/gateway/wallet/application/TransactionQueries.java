package com.wallet.gateway.wallet.application;

import com.wallet.common.crypto.DecryptionException;
import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.messaging.TransactionStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads transactions: one by id, or a wallet's history; both for their owner (or an admin). */
public class TransactionQueries {

    private static final Logger log = LoggerFactory.getLogger(TransactionQueries.class);
    private static final String SEALED_CLIENT_SECRET = "sealedClientSecret";

    private final Transactions transactions;
    private final Wallets wallets;
    private final FieldCipher cipher;

    public TransactionQueries(Transactions transactions, Wallets wallets, FieldCipher cipher) {
        this.transactions = transactions;
        this.wallets = wallets;
        this.cipher = cipher;
    }

    public Transaction get(Caller caller, String transactionId) {
        UUID id = Inputs.id(transactionId, "id");
        return transactions.find(id)
                .filter(tx -> caller.admin() || reaches(caller, tx))
                .map(tx -> view(caller, tx))
                .orElseThrow(() -> RequestRejected.notFound("transaction"));
    }

    public List<Transaction> history(Caller caller, String walletId, Integer limit, Integer offset) {
        UUID id = Inputs.id(walletId, "walletId");
        int pageSize = Inputs.limit(limit);
        int skip = Inputs.offset(offset);
        Wallet wallet = wallets.find(id)
                .filter(w -> caller.admin() || caller.owns(w))
                .orElseThrow(() -> RequestRejected.notFound("wallet"));
        return transactions.history(wallet.id(), pageSize, skip).stream().map(tx -> view(caller, tx)).toList();
    }

    /** The initiator, or the owner of the source or destination wallet. */
    private boolean reaches(Caller caller, StoredTransaction tx) {
        return caller.userId().equals(tx.userId())
                || ownsWallet(caller, tx.walletId())
                || (tx.counterpartyWalletId() != null && ownsWallet(caller, tx.counterpartyWalletId()));
    }

    private boolean ownsWallet(Caller caller, UUID walletId) {
        return wallets.find(walletId).map(caller::owns).orElse(false);
    }

    /** The description is decrypted for the transaction's owner only. */
    Transaction view(Caller caller, StoredTransaction tx) {
        boolean owner = caller.userId().equals(tx.userId());
        String description = owner ? open(tx, tx.sealedDescription(), "transactions.description:", "description") : null;
        return new Transaction(tx.id(), tx.walletId(), tx.counterpartyWalletId(), tx.amount(), tx.currency(),
                tx.type(), tx.status(), tx.failureReason(), description, metadata(tx, owner),
                tx.stripePaymentIntentId(), tx.stripeTransferId(), tx.createdAt(), tx.updatedAt());
    }

    /**
     * A deposit waiting for 3-D Secure carries {@code nextAction} and the PaymentIntent's client
     * secret, which the processor stored sealed: the owner sees both while it is PROCESSING,
     * nobody else (an admin or a counterparty included) ever sees the secret, and once the deposit
     * is final neither is shown.
     */
    private Map<String, Object> metadata(StoredTransaction tx, boolean owner) {
        if (tx.metadata() == null) {
            return null;
        }
        Map<String, Object> shown = new LinkedHashMap<>(tx.metadata());
        Object sealedSecret = shown.remove(SEALED_CLIENT_SECRET);
        if (tx.status() != TransactionStatus.PROCESSING) {
            shown.remove("nextAction");
        } else if (owner && sealedSecret instanceof String sealed) {
            String secret = open(tx, Base64.getDecoder().decode(sealed), "transactions.client_secret:", "client secret");
            if (secret != null) {
                shown.put("clientSecret", secret);
            }
        }
        return shown.isEmpty() ? null : shown;
    }

    private String open(StoredTransaction tx, byte[] sealed, String aadPrefix, String what) {
        if (sealed == null) {
            return null;
        }
        try {
            return new String(cipher.open(sealed, aadPrefix + tx.id()), StandardCharsets.UTF_8);
        } catch (DecryptionException | IllegalArgumentException e) {
            log.warn("{} of transaction {} cannot be decrypted ({})", what, tx.id(), e.getMessage());
            return null;
        }
    }
}
