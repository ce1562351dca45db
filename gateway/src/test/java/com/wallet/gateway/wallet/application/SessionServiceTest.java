package com.wallet.gateway.wallet.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** revokeUserTokens is audited: the entry commits with a revocation Redis took, and only then. */
class SessionServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Caller ADMIN = new Caller("admin-1", true);

    /** A database transaction seen from outside: entries written in it become visible only on commit. */
    private static final class FakeDatabase extends AbstractPlatformTransactionManager implements AuditLog {

        final List<AuditRecord> pending = new ArrayList<>();
        final List<AuditRecord> committed = new ArrayList<>();

        @Override
        public void record(AuditRecord record) {
            pending.add(record);
        }

        @Override
        public List<AuditEntry> list(UUID walletId, int limit, int offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            pending.clear();
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            committed.addAll(pending);
            pending.clear();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            pending.clear();
        }
    }

    private static final class FakeSessions implements Sessions {

        final List<String> revokedUsers = new ArrayList<>();
        boolean down;

        @Override
        public boolean isRevoked(String userId, String tokenId, Instant issuedAt) {
            return revokedUsers.contains(userId);
        }

        @Override
        public void revokeToken(String tokenId, Instant expiresAt) {
        }

        @Override
        public void revokeUser(String userId, Instant at) {
            if (down) {
                throw RequestRejected.unavailable("the session store");
            }
            revokedUsers.add(userId);
        }
    }

    private final FakeDatabase database = new FakeDatabase();
    private final FakeSessions sessions = new FakeSessions();
    private final SessionService service = new SessionService(sessions, database, new TransactionTemplate(database),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void auditsARevocationWithTheAdminTheUserAndTheCutoff() {
        assertThat(service.revokeUserTokens(ADMIN, "user-7")).isTrue();

        assertThat(sessions.revokedUsers).containsExactly("user-7");
        assertThat(database.committed).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("admin-1");
            assertThat(entry.action()).isEqualTo(AuditRecord.USER_TOKENS_REVOKED);
            assertThat(entry.walletId()).isNull();
            assertThat(entry.before()).isNull();
            assertThat(entry.after()).containsEntry("userId", "user-7")
                    .containsEntry("revokedIssuedAtOrBefore", NOW.toString());
        });
    }

    @Test
    void leavesNoEntryWhenTheSessionStoreRefusesTheRevocation() {
        sessions.down = true;

        assertThatThrownBy(() -> service.revokeUserTokens(ADMIN, "user-7"))
                .isInstanceOfSatisfying(RequestRejected.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.UNAVAILABLE));

        assertThat(database.committed).isEmpty();
        assertThat(sessions.revokedUsers).isEmpty();
    }

    @Test
    void refusesABlankUserIdBeforeWritingAnything() {
        assertThatThrownBy(() -> service.revokeUserTokens(ADMIN, " ")).isInstanceOf(RequestRejected.class);

        assertThat(database.committed).isEmpty();
        assertThat(database.pending).isEmpty();
    }
}
