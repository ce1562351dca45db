package com.wallet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local secrets under .wallet/secrets (directory mode 700, files 600), generated once where the
 * environment gives none.
 *
 * <p>JWT_SECRET is the gateway's HMAC-SHA256 key <em>as given</em>: the key bytes are the UTF-8 bytes of
 * the string (the generated value is the base64 text of 48 random bytes, a 64-character string, and those
 * characters are the key; it is NOT base64-decoded). ENCRYPTION_SECRET_KEY is base64 of 32 random bytes
 * (the services decode it to the AES-256 key).
 */
final class Secrets {

    static final String ENCRYPTION = "ENCRYPTION_SECRET_KEY";
    static final String JWT = "JWT_SECRET";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** Each secret: the environment's, else the local file's, generated first when missing or empty. */
    static LocalSecrets ensure(Settings settings, PrintStream out) throws IOException {
        return new LocalSecrets(ensure(settings, ENCRYPTION, 32, out), ensure(settings, JWT, 48, out));
    }

    private static String ensure(Settings settings, String name, int bytes, PrintStream out) throws IOException {
        String env = settings.env().get(name);
        if (env != null && !env.isEmpty()) {
            return env;
        }
        Path dir = settings.secrets();
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            byte[] random = new byte[bytes];
            RANDOM.nextBytes(random);
            Path tmp = dir.resolve(name + ".tmp");
            Files.deleteIfExists(tmp);
            // created 600, so the value is never readable by others, not even for a moment
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("==> generated a local " + name + " in .wallet/secrets/" + name);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return read(file);
    }

    /** A secret file's text without trailing newlines (as a shell's $(cat FILE) reads it, for a hand-edited file). */
    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\n+$", "");
    }
}
