package com.wallet.stripeemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatWasAppendedWithLongNumbers() throws Exception {
        Path path = dir.resolve("state.jsonl");
        try (StateFile file = StateFile.open(path)) {
            file.rewrite(List.of());
            file.append(batch("pi_1", 100));
            file.append(batch("pi_1", 250));
        }

        List<StateFile.Batch> read = read(path);

        assertThat(read).hasSize(2);
        assertThat(read.get(1).objects().get(0)).containsEntry("amount", 250L).containsEntry("created", 1_700_000_000L);
        assertThat(read.get(0).keys()).isEmpty();
    }

    @Test
    void shouldDropALastLineCutShortByAKill() throws Exception {
        Path path = dir.resolve("state.jsonl");
        try (StateFile file = StateFile.open(path)) {
            file.rewrite(List.of(batch("pi_1", 100)));
        }
        Files.writeString(path, "{\"objects\":[{\"id\":\"pi_2\",\"amo", StandardOpenOption.APPEND);

        assertThat(read(path)).hasSize(1);
    }

    @Test
    void shouldRefuseAFileDamagedBeforeItsEnd() throws Exception {
        Path path = dir.resolve("state.jsonl");
        Files.writeString(path, "{\"objects\":[{\"id\":\"pi_2\",\"amo\n{\"objects\":[]}\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(path)).isInstanceOf(IllegalStateException.class).hasMessageContaining("line 1");
    }

    @Test
    void shouldRefuseASecondEmulatorOnTheSameFile() throws Exception {
        Path path = dir.resolve("state.jsonl");
        try (StateFile first = StateFile.open(path)) {
            assertThatThrownBy(() -> StateFile.open(path)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void shouldTellTheStoreOfEveryChangeOfAnObject() {
        List<String> changes = new ArrayList<>();
        StoredObject object = new StoredObject("pi_1", changes::add);

        object.put("status", "processing");
        object.putAll(Map.of("amount", 1L));
        object.remove("status");
        StoredObject restored = StoredObject.restored(Map.of("id", "pi_2", "status", "succeeded"), changes::add);

        assertThat(changes).containsExactly("pi_1", "pi_1", "pi_1");
        assertThat(restored).containsEntry("status", "succeeded");
    }

    private static StateFile.Batch batch(String id, long amount) {
        return new StateFile.Batch(List.of(Map.of("id", id, "object", "payment_intent", "amount", amount,
                "created", 1_700_000_000L)), null, null);
    }

    private static List<StateFile.Batch> read(Path path) throws Exception {
        List<StateFile.Batch> read = new ArrayList<>();
        try (StateFile file = StateFile.open(path)) {
            file.read(read::add);
        }
        return read;
    }
}
