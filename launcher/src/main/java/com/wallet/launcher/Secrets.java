package com.wallet.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The local secrets bin/wallet generates under .wallet/secrets (bash's ensure_secrets writes them). */
final class Secrets {

    private Secrets() {
    }

    /** JWT_SECRET: the environment's, else the generated local one, exactly as given (its UTF-8 bytes are the key). */
    static String jwt(Settings settings) {
        String env = settings.env().get("JWT_SECRET");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        try {
            return Files.readString(settings.secrets().resolve("JWT_SECRET"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LauncherException("no JWT_SECRET in the environment and none at .wallet/secrets/JWT_SECRET (bin/wallet up makes one)");
        }
    }
}
