package com.wallet.processor.wallet.adapter.out.redis;

import com.wallet.processor.wallet.application.WalletOrder;
import com.wallet.processor.wallet.application.port.WalletLocks;

import com.wallet.processor.wallet.application.port.WalletLocks;
import com.wallet.processor.wallet.application.WalletOrder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.redisson.RedissonRedLock;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wallet locks in Redis. With one master each wallet is a plain {@link RLock}; with several
 * independent masters each wallet is a {@link RedissonRedLock} over one lock per master (a
 * majority must be taken). Wallets are locked one after the other in ascending id order, so two
 * transfers in opposite directions cannot deadlock; each lock has a bounded wait and a lease.
 *
 * <p>The lock is an optimisation, not the guarantee (contract 6.5): it keeps processors from
 * piling onto the same rows, but a lease can expire during a GC pause, a Redis failover can forget
 * a lock, and two consumers can briefly own one partition. Correctness comes from the database:
 * processed_commands' primary key (each command once), conditional balance updates with the
 * non-negative CHECK, row locks in ascending id order and status-conditional transaction updates.
 */
class RedissonWalletLocks implements WalletLocks {

    private static final Logger log = LoggerFactory.getLogger(RedissonWalletLocks.class);
    private static final String PREFIX = "wallet:lock:";

    private final List<RedissonClient> masters;
    private final Duration waitTime;
    private final Duration leaseTime;

    RedissonWalletLocks(List<RedissonClient> masters, Duration waitTime, Duration leaseTime) {
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("at least one Redis master");
        }
        this.masters = List.copyOf(masters);
        this.waitTime = waitTime;
        this.leaseTime = leaseTime;
    }

    @Override
    public LockHandle lock(Collection<UUID> walletIds) {
        Handle handle = new Handle();
        try {
            for (UUID walletId : WalletOrder.ascending(walletIds)) {
                RLock lock = lockOf(walletId);
                if (!lock.tryLock(waitTime.toMillis(), leaseTime.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new LockUnavailableException("wallet " + walletId + " stayed locked for " + waitTime);
                }
                handle.held.push(lock);
            }
            return handle;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.close();
            throw new LockUnavailableException("interrupted while locking wallets", e);
        } catch (RuntimeException e) {
            handle.close();
            if (e instanceof LockUnavailableException) {
                throw e;
            }
            throw new LockUnavailableException("Redis lock failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * All locks requested at once, so a batch pays one Redis round trip (per master) to lock and one
     * to unlock, whatever the number of wallets. No ascending order here: two holders sharing wallets
     * can each wait for the other, and then both give up after the wait time and retry.
     */
    @Override
    public LockHandle lockAll(Collection<UUID> walletIds) {
        long threadId = Thread.currentThread().getId();
        List<RLock> locks = walletIds.stream().distinct().map(this::lockOf).toList();
        List<CompletableFuture<Boolean>> requests = locks.stream()
                .map(lock -> lock.tryLockAsync(waitTime.toMillis(), leaseTime.toMillis(), TimeUnit.MILLISECONDS, threadId)
                        .toCompletableFuture())
                .toList();
        BatchHandle handle = new BatchHandle(threadId);
        RuntimeException failure = null;
        for (int i = 0; i < locks.size(); i++) {
            try {
                if (requests.get(i).get()) {
                    handle.held.add(locks.get(i));
                } else if (failure == null) {
                    failure = new LockUnavailableException("wallet lock " + locks.get(i).getName()
                            + " stayed locked for " + waitTime);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new LockUnavailableException("interrupted while locking wallets", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = new LockUnavailableException("Redis lock failed: "
                            + e.getCause().getClass().getSimpleName(), e.getCause());
                }
            }
        }
        if (failure != null) {
            handle.close();
            throw failure;
        }
        return handle;
    }

    @SuppressWarnings("deprecation") // RedissonRedLock: the quorum over independent masters the contract asks for
    private RLock lockOf(UUID walletId) {
        String name = PREFIX + walletId;
        if (masters.size() == 1) {
            return masters.get(0).getLock(name);
        }
        RLock[] perMaster = masters.stream().map(m -> m.getLock(name)).toArray(RLock[]::new);
        return new RedissonRedLock(perMaster);
    }

    /** Releases every lock at once; a lock whose lease expired is no longer ours and is skipped. */
    private static final class BatchHandle implements LockHandle {

        private final long threadId;
        private final List<RLock> held = new ArrayList<>();

        private BatchHandle(long threadId) {
            this.threadId = threadId;
        }

        @Override
        public void close() {
            List<CompletableFuture<Void>> releases = held.stream()
                    .map(lock -> lock.unlockAsync(threadId).toCompletableFuture())
                    .toList();
            for (int i = 0; i < releases.size(); i++) {
                try {
                    releases.get(i).join();
                } catch (RuntimeException e) {
                    log.warn("wallet lock {} was not released: {}", held.get(i).getName(),
                            e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
                }
            }
            held.clear();
        }
    }

    /** Releases in reverse order, and only locks this handle still holds. */
    private static final class Handle implements LockHandle {

        private final Deque<RLock> held = new ArrayDeque<>();

        @Override
        public void close() {
            while (!held.isEmpty()) {
                RLock lock = held.pop();
                try {
                    if (lock instanceof RedissonRedLock || lock.isHeldByCurrentThread()) {
                        lock.unlock();
                    }
                } catch (RuntimeException e) {
                    // The lease expired or Redis is gone: the lock is no longer ours; nothing to undo.
                    log.warn("wallet lock {} was not released: {}", lock.getName(), e.getClass().getSimpleName());
                }
            }
        }
    }
}
