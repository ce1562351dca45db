package com.wallet.webhook.stripe.adapter.out.redis;

import com.wallet.webhook.stripe.application.PublishedEvents;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code webhook:event:<id>} keys set with NX and a TTL. De-duplication here only spares Kafka
 * repeats (the processor applies each event id once), so with Redis down an event is published
 * rather than refused.
 */
class RedissonPublishedEvents implements PublishedEvents {

    private static final Logger log = LoggerFactory.getLogger(RedissonPublishedEvents.class);
    private static final String PREFIX = "webhook:event:";

    private final RedissonClient redis;
    private final Duration ttl;

    RedissonPublishedEvents(RedissonClient redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    @Override
    public boolean contains(String eventId) {
        try {
            return redis.getBucket(PREFIX + eventId, StringCodec.INSTANCE).isExists();
        } catch (RedisException e) {
            log.warn("cannot check Stripe event {} in Redis, publishing it: {}", eventId, e.toString());
            return false;
        }
    }

    @Override
    public void remember(String eventId) {
        try {
            redis.getBucket(PREFIX + eventId, StringCodec.INSTANCE).setIfAbsent("1", ttl);
        } catch (RedisException e) {
            log.warn("cannot remember Stripe event {} in Redis: {}", eventId, e.toString());
        }
    }
}
