package com.wallet.gateway.wallet.application;

import com.wallet.common.crypto.FieldCipher;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Use cases on wallets: create (rate-limited, at most {@code maxWalletsPerUser} per user), read
 * (owner or admin), freeze and unfreeze (admin: enforced by the controller's {@code @PreAuthorize};
 * audited in the database transaction of the change).
 */
public class WalletService {

    private static final Logger log = LoggerFactory.getLogger(WalletService.class);

    private final Wallets wallets;
    private final FieldCipher cipher;
    private final JsonMapper json;
    private final MutationAdmission admission;
    private final int maxWalletsPerUser;
    private final AuditLog auditLog;
    private final TransactionTemplate tx;

    public WalletService(Wallets wallets, FieldCipher cipher, JsonMapper json, MutationAdmission admission,
                         int maxWalletsPerUser, AuditLog auditLog, TransactionTemplate tx) {
        this.wallets = wallets;
        this.cipher = cipher;
        this.json = json;
        this.admission = admission;
        this.maxWalletsPerUser = maxWalletsPerUser;
        this.auditLog = auditLog;
        this.tx = tx;
    }

    public Wallet create(Caller caller, CreateWalletRequest request) {
        admission.admit(caller);
        UUID id = UUID.randomUUID();
        byte[] bankDetails = request.bankDetails() == null ? null
                : cipher.seal(json.writeValueAsBytes(request.bankDetails()), "wallets.bank_details:" + id);
        boolean inserted = wallets.insertWithinLimit(new NewWallet(id, caller.userId(), request.currency().value(),
                request.label(), bankDetails, request.stripeAccountId()), maxWalletsPerUser);
        if (!inserted) {
            throw new RequestRejected(RejectionCode.LIMIT_EXCEEDED, "a user may hold at most " + maxWalletsPerUser
                    + " wallets");
        }
        log.info("wallet {} created", id);
        return wallets.find(id).orElseThrow();
    }

    public Wallet get(Caller caller, String walletId) {
        return readable(caller, Inputs.id(walletId, "id"));
    }

    public List<Wallet> mine(Caller caller, Integer limit, Integer offset) {
        return wallets.findByUser(caller.userId(), Inputs.limit(limit), Inputs.offset(offset));
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

    private Wallet setActive(Caller admin, String walletId, boolean active) {
        UUID id = Inputs.id(walletId, "walletId");
        // The row lock makes "before" exact when two admins race; the entry commits with the change or not at all.
        Wallet wallet = tx.execute(status -> {
            Wallet before = wallets.findForUpdate(id).orElseThrow(() -> RequestRejected.notFound("wallet"));
            Wallet after = wallets.setActive(id, active).orElseThrow();
            auditLog.record(AuditRecord.walletActivity(admin.userId(), before, after));
            return after;
        });
        log.info("wallet {} {} by admin {}", id, active ? "unfrozen" : "frozen", admin.userId());
        return wallet;
    }
}
