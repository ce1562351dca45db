package com.wallet.common.config;

import java.util.Arrays;
import java.util.List;
import org.redisson.misc.RedisURI;

/**
 * {@code REDIS_URL}: one or more comma-separated {@code redis://} (or {@code rediss://}) URLs, each
 * with an optional password, {@code redis://:PASSWORD@host:port}, or an ACL user and its password,
 * {@code redis://USER:PASSWORD@host:port}. Redisson takes the password from the URL and
 * percent-decodes it; a password with {@code / ? # @ % ,} must be percent-encoded.
 *
 * <p>The URL holds a secret, so it is shown only {@link #redacted(String) redacted}: a URL Redisson
 * cannot parse fails here, naming its redacted form, because Redisson's own message can quote part
 * of the password.
 */
public final class RedisUrls {

    public static final String VARIABLE = "REDIS_URL";

    private RedisUrls() {
    }

    /** @return the URLs of {@code urls}, trimmed, each checked with {@link #checked(String)}; at least one */
    public static List<String> split(String urls) {
        List<String> each = Arrays.stream(urls.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(RedisUrls::checked).toList();
        if (each.isEmpty()) {
            throw new InvalidSecretException(VARIABLE, "is not set");
        }
        return each;
    }

    /** @return {@code url} when Redisson can parse it, else throws naming only its redacted form */
    public static String checked(String url) {
        try {
            new RedisURI(url);
            return url;
        } catch (RuntimeException e) {
            throw new InvalidSecretException(VARIABLE, "is not a valid redis:// URL: " + redacted(url)
                    + " (percent-encode / ? # @ % , in a password)");
        }
    }

    /**
     * {@code urls} (one URL or a comma-separated list) with every user and password replaced by
     * {@code ***}: {@code redis://***@host:port}. Whatever precedes a URL's last {@code @} is hidden,
     * so a password with an unencoded {@code @}, {@code /} or {@code ,} is hidden too.
     */
    public static String redacted(String urls) {
        String[] parts = urls.split("://", -1);
        if (parts.length == 1) {
            return hideBeforeLastAt(urls);
        }
        for (int i = 1; i < parts.length; i++) {
            parts[i] = hideBeforeLastAt(parts[i]);
        }
        return String.join("://", parts);
    }

    private static String hideBeforeLastAt(String part) {
        int at = part.lastIndexOf('@');
        return at < 0 ? part : "***" + part.substring(at);
    }
}
