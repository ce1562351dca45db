package com.wallet.processor.wallet.adapter.out.redis;

import com.wallet.common.config.RedisUrls;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param urls      REDIS_URL: one master, or several comma-separated independent masters (RedLock quorum);
 *                  each may carry its password, {@code redis://:PASSWORD@host:port}
 * @param waitTime  how long to wait for a wallet lock before the command is retried
 * @param leaseTime after this the lock expires by itself (a dead holder cannot block a wallet)
 */
@Validated
@ConfigurationProperties("wallet.redis")
public record RedisLockProperties(
        @NotBlank String urls,
        @DefaultValue("5s") Duration waitTime,
        @DefaultValue("30s") Duration leaseTime) {

    @Override
    public String toString() {
        return "RedisLockProperties[urls=" + RedisUrls.redacted(urls) + ", waitTime=" + waitTime + ", leaseTime="
                + leaseTime + "]";
    }
}
