package com.wallet.common.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, seen from a module's test (Surefire runs in the module's directory). */
final class Repository {

    private Repository() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("bin/wallet")) && Files.exists(dir.resolve("docker-compose.yml")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root (bin/wallet, docker-compose.yml) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
