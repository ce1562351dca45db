package com.wallet.gateway.wallet.adapter.out.redis;

import com.wallet.gateway.wallet.application.RequestRejected;
import com.wallet.gateway.wallet.application.Sessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Revoked token ids ({@code wallet:session:revoked:<jti>}, kept until the token expires) and per-user
 * not-before times ({@code wallet:session:not-before:<user>}, epoch milliseconds). One MGET per request.
 */
class RedissonSessions implements Sessions {

    private static final String REVOKED = "wallet:session:revoked:";
    private static final String NOT_BEFORE = "wallet:session:not-before:";
    /** Kept a little past expiry: the decoder accepts a token up to its clock skew after {@code exp}. */
    private static final Duration PAST_EXPIRY = Duration.ofMinutes(1);

    private final RedissonClient redisson;
    private final Duration answerTimeout;
    private final Duration userRevocationTtl;
    private final Clock clock;

    RedissonSessions(RedissonClient redisson, Duration answerTimeout, Duration userRevocationTtl, Clock clock) {
        this.redisson = redisson;
        this.answerTimeout = answerTimeout;
        this.userRevocationTtl = userRevocationTtl;
        this.clock = clock;
    }

    @Override
    public boolean isRevoked(String userId, String tokenId, Instant issuedAt) {
        String notBeforeKey = NOT_BEFORE + userId;
        Map<String, Object> found = tokenId == null
                ? await(redisson.getBuckets(StringCodec.INSTANCE).getAsync(notBeforeKey))
                : await(redisson.getBuckets(StringCodec.INSTANCE).getAsync(notBeforeKey, REVOKED + tokenId));
        if (tokenId != null && found.containsKey(REVOKED + tokenId)) {
            return true;
        }
        Object notBefore = found.get(notBeforeKey);
        // A token without iat cannot show it was issued after the revocation.
        return notBefore != null && (issuedAt == null || issuedAt.toEpochMilli() <= Long.parseLong(notBefore.toString()));
    }

    @Override
    public void revokeToken(String tokenId, Instant expiresAt) {
        Duration ttl = Duration.between(clock.instant(), expiresAt).plus(PAST_EXPIRY);
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        await(redisson.getBucket(REVOKED + tokenId, StringCodec.INSTANCE).setAsync("1", ttl));
    }

    @Override
    public void revokeUser(String userId, Instant at) {
        await(redisson.getBucket(NOT_BEFORE + userId, StringCodec.INSTANCE)
                .setAsync(Long.toString(at.toEpochMilli()), userRevocationTtl));
    }

    private <T> T await(CompletionStage<T> command) {
        try {
            return command.toCompletableFuture().get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RequestRejected.unavailable("the session store");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw RequestRejected.unavailable("the session store");
        }
    }
}
