package com.wallet.gateway.wallet.application;

import com.wallet.common.crypto.FieldCipher;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Use cases on wallets: create, read (owner or admin), freeze and unfreeze (admin, audited). */
public class WalletService {

    private static final Logger log = LoggerFactory.getLogger(WalletService.class);

    private final Wallets wallets;
    private final FieldCipher cipher;
    private final JsonMapper json;
    private final AuditLog auditLog;
    private final TransactionTemplate tx;

    public WalletService(Wallets wallets, FieldCipher cipher, JsonMapper json, AuditLog auditLog, TransactionTemplate tx) {
        this.wallets = wallets;
        this.cipher = cipher;
        this.json = json;
        this.auditLog = auditLog;
        this.tx = tx;
    }

    public Wallet create(Caller caller, CreateWalletRequest request) {
        UUID id = UUID.randomUUID();
        byte[] bankDetails = request.bankDetails() == null ? null
                : cipher.seal(json.writeValueAsBytes(request.bankDetails()), "wallets.bank_details:" + id);
        wallets.insert(new NewWallet(id, caller.userId(), request.currency().value(), request.label(),
                bankDetails, request.stripeAccountId()));
        log.info("wallet {} created", id);
        return wallets.find(id).orElseThrow();
    }

    public Wallet get(Caller caller, String walletId) {
        return readable(caller, Inputs.id(walletId, "id"));
    }

    public List<Wallet> mine(Caller caller) {
        return wallets.findByUser(caller.userId());
    }

    public Wallet freeze(Caller caller, String walletId) {
        return setActive(caller, walletId, false);
    }

    public Wallet unfreeze(Caller caller, String walletId) {
        return setActive(caller, walletId, true);
    }

    /** The wallet if the caller owns it or is an admin; otherwise NOT_FOUND, exactly like a missing one. */
    Wallet readable(Caller caller, UUID id) {
        return wallets.find(id)
                .filter(wallet -> caller.admin() || caller.owns(wallet))
                .orElseThrow(() -> RequestRejected.notFound("wallet"));
    }

    private Wallet setActive(Caller caller, String walletId, boolean active) {
        if (!caller.admin()) {
            throw new RequestRejected(RejectionCode.FORBIDDEN, "only an administrator may freeze or unfreeze a wallet");
        }
        UUID id = Inputs.id(walletId, "walletId");
        // The row lock makes "before" exact when two admins race; the entry commits with the change or not at all.
        Wallet wallet = tx.execute(status -> {
            Wallet before = wallets.findForUpdate(id).orElseThrow(() -> RequestRejected.notFound("wallet"));
            Wallet after = wallets.setActive(id, active).orElseThrow();
            auditLog.record(AuditRecord.walletActivity(caller.userId(), before, after));
            return after;
        });
        log.info("wallet {} {} by admin {}", id, active ? "unfrozen" : "frozen", caller.userId());
        return wallet;
    }
}
