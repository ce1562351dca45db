package com.wallet.processor.analytics.topology;

import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binary values for the topology's own stores and repartition topics. JSON of these records was
 * about 40 % of the analytics thread's CPU (every state change is read and written by several
 * stores; parsing ISO instants alone was a tenth), on a machine where analytics share two cores
 * with the money path (README, Benchmark). The output topics stay JSON.
 *
 * <p>A value starts with {@link #FORMAT}; anything else is read as the JSON an earlier version wrote
 * (it starts with '{'), so existing state stores and changelogs keep working after an upgrade.
 */
final class StoreSerdes {

    static final byte FORMAT = 1;

    private StoreSerdes() {
    }

    static Serde<TransactionState> states(JsonMapper json) {
        return serde(JsonSerde.of(TransactionState.class, json), (out, s) -> {
            writeUuid(out, s.transactionId());
            writeUuid(out, s.walletId());
            writeString(out, s.type() == null ? null : s.type().name());
            writeString(out, s.status() == null ? null : s.status().name());
            writeString(out, s.currency());
            out.writeLong(s.amount());
            writeInstant(out, s.createdAt());
            out.writeLong(s.walletSequence());
        }, in -> {
            UUID transactionId = readUuid(in);
            UUID walletId = readUuid(in);
            String type = readString(in);
            String status = readString(in);
            return new TransactionState(transactionId, walletId, type == null ? null : TransactionType.valueOf(type),
                    status == null ? null : TransactionStatus.valueOf(status), readString(in), in.readLong(),
                    readInstant(in), in.readLong());
        });
    }

    static Serde<VolumeStats> volume(JsonMapper json) {
        return serde(JsonSerde.of(VolumeStats.class, json), (out, v) -> {
            writeString(out, v.currency());
            writeString(out, v.type());
            out.writeLong(v.count());
            out.writeLong(v.amount());
        }, in -> new VolumeStats(readString(in), readString(in), in.readLong(), in.readLong()));
    }

    static Serde<ActivityStats> activity(JsonMapper json) {
        return serde(JsonSerde.of(ActivityStats.class, json), (out, a) -> {
            writeString(out, a.window() == null ? null : a.window().name());
            writeInstant(out, a.windowStart());
            writeUuid(out, a.walletId());
            writeString(out, a.currency());
            writeString(out, a.type());
            writeString(out, a.status());
            out.writeLong(a.count());
            out.writeLong(a.amount());
        }, in -> {
            String window = readString(in);
            return new ActivityStats(window == null ? null : Window.valueOf(window), readInstant(in), readUuid(in),
                    readString(in), readString(in), readString(in), in.readLong(), in.readLong());
        });
    }

    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Serde<T> serde(Serde<T> legacyJson, Writer<T> writer, Reader<T> reader) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT);
                writer.write(out, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null || bytes.length == 0) {
                return null;
            }
            if (bytes[0] != FORMAT) {
                return legacyJson.deserializer().deserialize(topic, bytes);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
                return reader.read(in);
            } catch (IOException | IllegalArgumentException e) {
                return null; // unreadable, like JsonSerde: skipped
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeUuid(DataOutputStream out, UUID value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getMostSignificantBits());
            out.writeLong(value.getLeastSignificantBits());
        }
    }

    private static UUID readUuid(DataInputStream in) throws IOException {
        return in.readBoolean() ? new UUID(in.readLong(), in.readLong()) : null;
    }

    private static void writeInstant(DataOutputStream out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }
}
