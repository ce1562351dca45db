package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which PostgreSQL and Redis `up` and `test` use, decided as bin/wallet always decided it. */
class DataStoresTest {

    @TempDir
    Path etc;

    @Test
    void shouldUseWhateverAnswersOnThePort() {
        assertThat(DataStores.postgres(true, true, Optional.of("16"), "127.0.0.1")).isEqualTo(DataStores.Choice.ANSWERING);
        assertThat(DataStores.redis(true, true, 6379, true)).isEqualTo(DataStores.Choice.ANSWERING);
    }

    @Test
    void shouldStartTheMachinesOwnWhereInstalledButStopped() {
        assertThat(DataStores.postgres(false, false, Optional.of("16"), "127.0.0.1")).isEqualTo(DataStores.Choice.MACHINE);
        assertThat(DataStores.redis(false, false, 6379, true)).isEqualTo(DataStores.Choice.MACHINE);
    }

    @Test
    void shouldRunTheEmbeddedOnesWhenAskedOrWhereTheMachineHasNone() {
        assertThat(DataStores.postgres(false, true, Optional.of("16"), "127.0.0.1")).isEqualTo(DataStores.Choice.EMBEDDED);
        assertThat(DataStores.postgres(false, false, Optional.empty(), "localhost")).isEqualTo(DataStores.Choice.EMBEDDED);
        assertThat(DataStores.redis(false, true, 6379, true)).isEqualTo(DataStores.Choice.EMBEDDED);
        assertThat(DataStores.redis(false, false, 6379, false)).isEqualTo(DataStores.Choice.EMBEDDED);
        // the machine's Redis is the one on its default port
        assertThat(DataStores.redis(false, false, 56379, true)).isEqualTo(DataStores.Choice.EMBEDDED);
    }

    @Test
    void shouldStartNothingForAnotherHost() {
        assertThat(DataStores.postgres(false, false, Optional.empty(), "db.example")).isEqualTo(DataStores.Choice.ABSENT);
    }

    @Test
    void shouldFindTheHighestInstalledClusterListeningOnThePort() throws Exception {
        cluster("9.6", "port = 5432");
        cluster("16", "#port = 5432\nport = 5433   # moved\n");

        assertThat(DataStores.machinePgVersion(etc, 5433)).contains("16");
        assertThat(DataStores.machinePgVersion(etc, 5432)).isEmpty();   // 16 is the highest, and it is on 5433
        assertThat(DataStores.machinePgVersion(etc, 543)).isEmpty();
        assertThat(DataStores.machinePgVersion(etc.resolve("absent"), 5432)).isEmpty();
    }

    @Test
    void shouldOrderVersionsAsSortV() {
        assertThat(DataStores.compareVersions("9.6", "10")).isNegative();
        assertThat(DataStores.compareVersions("15", "16")).isNegative();
        assertThat(DataStores.compareVersions("16", "16")).isZero();
    }

    @Test
    void shouldSeeAPortOpenOnceSomethingListens() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(DataStores.awaitPort(socket.getLocalPort(), 1)).isTrue();
            assertThat(Processes.portOpen(socket.getLocalPort())).isTrue();
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        assertThat(Processes.portOpen(closed)).isFalse();
    }

    private void cluster(String version, String conf) throws Exception {
        Path main = Files.createDirectories(etc.resolve(version).resolve("main"));
        Files.writeString(main.resolve("postgresql.conf"), conf + "\n");
    }
}
