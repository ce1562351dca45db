package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a jar is rebuilt: missing, or older than its module's sources, common's, or a pom. */
class BuildTest {

    @TempDir
    Path root;

    private final Instant built = Instant.parse("2026-01-01T00:00:00Z");

    private Build build(Map<String, String> env) {
        return new Build(Settings.from(root, env), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private Path file(String path, Instant modified) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void shouldRebuildAMissingJar() {
        Build build = build(Map.of());

        assertThat(build.stale("bench", build.jar("bench", ""))).isTrue();
        assertThat(build.jar("checker", "-exec")).hasFileName("checker-" + Settings.VERSION + "-exec.jar");
    }

    @Test
    void shouldKeepAJarNewerThanEverySource() throws Exception {
        Build build = build(Map.of());
        file("bench/src/main/java/A.java", built.minusSeconds(60));
        file("common/src/main/java/B.java", built.minusSeconds(60));
        file("pom.xml", built.minusSeconds(60));
        Path jar = file("bench/target/bench-" + Settings.VERSION + ".jar", built);

        assertThat(build.stale("bench", jar)).isFalse();
    }

    @Test
    void shouldRebuildAJarOlderThanItsOwnSourcesCommonsOrAPom() throws Exception {
        Build build = build(Map.of());
        Path jar = file("bench/target/bench-" + Settings.VERSION + ".jar", built);

        file("common/src/main/java/B.java", built.plusSeconds(1));
        assertThat(build.stale("bench", jar)).isTrue();
        assertThat(build.stale("chaos", file("chaos/target/chaos.jar", built.plusSeconds(2)))).isFalse();
        file("pom.xml", built.plusSeconds(5));
        assertThat(build.stale("chaos", root.resolve("chaos/target/chaos.jar"))).isTrue();
    }

    @Test
    void shouldBuildNothingUnderWalletNoBuild() throws Exception {
        build(Map.of("WALLET_NO_BUILD", "1")).ensureBuilt();

        assertThat(root.resolve(".wallet/logs/build.log")).doesNotExist();
    }

    @Test
    void shouldNameTheFailedToolBuild() {
        // a directory that is no Maven project: mvn itself fails
        assertThatThrownBy(() -> build(Map.of()).toolJar("bench", ""))
                .isInstanceOf(LauncherException.class).hasMessage("the bench build failed");
    }
}
