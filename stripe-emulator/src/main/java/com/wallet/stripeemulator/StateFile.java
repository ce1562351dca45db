package com.wallet.stripeemulator;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's state on disk: JSON lines, each a {@link Batch} of objects, saved idempotent
 * answers and events as they were after one change. A later line wins for the same id. Each line
 * is written with one {@code write} before the change is answered, so a process killed right
 * after answering loses nothing; a line cut short by a kill while it was written is no answer
 * given and is dropped on reading. Rewritten whole (temporary file, fsync, atomic rename) at
 * start-up, on reset and when the appended lines outgrow the last rewrite.
 */
final class StateFile implements Closeable {

    /** One change's worth of state; absent lists are empty. */
    record Batch(List<Map<String, Object>> objects, List<IdempotencyStore.Kept> keys, List<Webhooks.Kept> events) {
        Batch {
            objects = objects == null ? List.of() : objects;
            keys = keys == null ? List.of() : keys;
            events = events == null ? List.of() : events;
        }

        boolean isEmpty() {
            return objects.isEmpty() && keys.isEmpty() && events.isEmpty();
        }
    }

    // Amounts and timestamps are longs in the stores: read JSON integers as such.
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileOutputStream out;
    private long appended;
    private long rewritten;

    private StateFile(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating its directory) and locks the file, so that two emulators never share one. */
    static StateFile open(Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        FileChannel channel = FileChannel.open(absolute.resolveSibling(absolute.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("the state file " + absolute + " is in use by another emulator");
        }
        return new StateFile(absolute, channel, lock);
    }

    Path path() {
        return path;
    }

    /** Every batch in the file, oldest first. */
    void read(Consumer<Batch> each) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int number = 0;
            Integer torn = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (torn != null) {
                    throw new IllegalStateException("the state file " + path + " is damaged at line " + torn);
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    each.accept(JSON.readValue(line, Batch.class));
                } catch (JacksonException e) {
                    torn = number; // acceptable only as the last line: a write cut short
                }
            }
        }
    }

    void append(Batch batch) throws IOException {
        byte[] line = line(batch);
        out.write(line);
        appended += line.length;
    }

    /** Replaces the file by these batches, atomically; appends go to the new file. */
    void rewrite(List<Batch> batches) throws IOException {
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        long size = 0;
        try (FileOutputStream file = new FileOutputStream(temporary.toFile())) {
            for (Batch batch : batches) {
                byte[] line = line(batch);
                file.write(line);
                size += line.length;
            }
            file.getFD().sync();
        }
        if (out != null) {
            out.close();
        }
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out = new FileOutputStream(path.toFile(), true);
        rewritten = size;
        appended = 0;
    }

    /** Whether the lines appended since the last rewrite are worth a rewrite. */
    boolean outgrown() {
        return appended > Math.max(32L << 20, 2 * rewritten);
    }

    private static byte[] line(Batch batch) {
        byte[] json = JSON.writeValueAsBytes(batch);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
        lock.release();
        lockChannel.close();
    }
}
