package com.wallet.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisUrlsTest {

    @Test
    void splitsAListIntoTrimmedUrls() {
        assertThat(RedisUrls.split("redis://:pw@a:6379, redis://b:6380,,")).containsExactly("redis://:pw@a:6379", "redis://b:6380");
        assertThatThrownBy(() -> RedisUrls.split(" , ")).isInstanceOf(InvalidSecretException.class)
                .hasMessage("REDIS_URL is not set");
    }

    @Test
    void redactsEveryUserAndPassword() {
        assertThat(RedisUrls.redacted("redis://127.0.0.1:6379")).isEqualTo("redis://127.0.0.1:6379");
        assertThat(RedisUrls.redacted("redis://:s3cret@redis:6379")).isEqualTo("redis://***@redis:6379");
        assertThat(RedisUrls.redacted("rediss://alice:s3cret@redis:6379")).isEqualTo("rediss://***@redis:6379");
        assertThat(RedisUrls.redacted("redis://:one@a:1,redis://b:2, redis://:two@c:3"))
                .isEqualTo("redis://***@a:1,redis://b:2, redis://***@c:3");
        // unencoded reserved characters in the password: still nothing of it shown
        assertThat(RedisUrls.redacted("redis://:p@ss/w,rd@a:1")).isEqualTo("redis://***@a:1");
        assertThat(RedisUrls.redacted(":s3cret@a:1")).isEqualTo("***@a:1");
    }

    @Test
    void aMalformedUrlNamesTheVariableAndOnlyTheRedactedUrl() {
        // Redisson's own message for this URL quotes the password's first characters ("Error at index 0 in: \"ab\"")
        assertThatThrownBy(() -> RedisUrls.split("redis://:ab/cd+ef=@127.0.0.1:6379"))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessageStartingWith("REDIS_URL is not a valid redis:// URL: redis://***@127.0.0.1:6379")
                .hasMessageNotContaining("ab").hasMessageNotContaining("cd+ef").hasNoCause();
    }
}
