package com.wallet.launcher;

import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints the HS256 JWTs of {@code bin/wallet token} (contract section 4): {@code sub}, {@code roles}
 * ({@code ["USER"]} or {@code ["USER","ADMIN"]}), {@code jti} (so that {@code logout} can revoke it),
 * {@code iat}, {@code exp}. The key is the UTF-8 bytes of JWT_SECRET exactly as given, as the gateway
 * uses it (it is not base64-decoded).
 */
public final class Tokens {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@+-]{1,128}");
    private static final Pattern TTL = Pattern.compile("([0-9]+)([smhd]?)");

    private Tokens() {
    }

    public static String mint(String user, boolean admin, Duration ttl, String secret, Instant now) {
        if (!USER.matcher(user).matches()) {
            throw new LauncherException("USER may contain letters, digits and . _ @ + - only");
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new LauncherException("JWT_SECRET must be at least 32 bytes (the gateway refuses a shorter one)");
        }
        SecretKey hmac = new SecretKeySpec(key, "HmacSHA256");
        Instant issued = Instant.ofEpochSecond(now.getEpochSecond());
        return Jwts.builder()
                .header().type("JWT").and()
                .subject(user)
                .claim("roles", admin ? List.of("USER", "ADMIN") : List.of("USER"))
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(issued))
                .expiration(Date.from(issued.plus(ttl)))
                .signWith(hmac, Jwts.SIG.HS256)
                .compact();
    }

    /** A ttl as {@code bin/wallet token --ttl} takes it: a number with an optional s/m/h/d suffix. */
    public static Duration parseTtl(String ttl) {
        Matcher m = TTL.matcher(ttl);
        if (!m.matches()) {
            throw new LauncherException("--ttl must be a number with an optional s/m/h/d suffix (got '" + ttl + "')");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new LauncherException("--ttl is too large (got '" + ttl + "')");
        }
        long unit = switch (m.group(2)) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> 1;
        };
        if (n <= 0) {
            throw new LauncherException("--ttl must be positive");
        }
        if (n > Long.MAX_VALUE / unit / 1000) {
            throw new LauncherException("--ttl is too large (got '" + ttl + "')");
        }
        return Duration.ofSeconds(n * unit);
    }
}
