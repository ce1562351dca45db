package com.wallet.rekey;

import com.wallet.common.crypto.KeyRing;
import com.wallet.common.messaging.CommandCodec;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-encrypts every stored ciphertext under the ring's current key, then checks that nothing under
 * an older key is left, in the database or waiting on Kafka. Online: the services keep running and
 * keep writing under the current key; rows they change while a batch runs are taken again by the
 * next pass. Resumable and idempotent: what is current is skipped by its header.
 */
final class Rekey {

    /** Passes over the database before giving up on rows that keep changing under us. */
    private static final int MAX_PASSES = 5;

    private final KeyRing ring;
    private final JdbcStoredCiphertexts stored;
    private final KafkaInFlight kafka;
    private final PrintStream out;

    /** @param kafka null to skip the in-flight check (--no-kafka) */
    Rekey(KeyRing ring, JdbcStoredCiphertexts.ConnectionSource connections, KafkaInFlight kafka, int batchSize,
          PrintStream out) {
        JsonMapper json = JsonMapper.builder().build();
        this.ring = ring;
        this.stored = new JdbcStoredCiphertexts(connections, ring.cipher(KeyRing.Purpose.AT_REST), ring.fingerprints(),
                new CommandCodec(ring.cipher(KeyRing.Purpose.COMMANDS), json), json, batchSize, out::println);
        this.kafka = kafka;
        this.out = out;
    }

    /** @return true when no value under an older key remains */
    boolean run() throws Exception {
        out.println("rekey: current key " + ring.currentKeyId() + (ring.keyIds().size() > 1
                ? ", previous keys " + String.join(", ", ring.keyIds().subList(1, ring.keyIds().size())) : ", no previous key"));
        for (int pass = 1; pass <= MAX_PASSES; pass++) {
            List<TableResult> results = List.of(stored.wallets(false), stored.transactions(false),
                    stored.commandOutbox(false));
            for (TableResult result : results) {
                out.println("rekey pass " + pass + " " + result.summary());
            }
            if (results.stream().allMatch(result -> result.concurrent == 0)) {
                break;
            }
        }
        // The proof: a read-only pass counting what is still not under the current key.
        List<TableResult> check = List.of(stored.wallets(true), stored.transactions(true), stored.commandOutbox(true));
        long left = 0;
        for (TableResult result : check) {
            out.println("rekey check " + result.name + ": " + result.examined + " rows, " + result.remaining
                    + " values under an older key");
            left += result.remaining;
        }
        if (kafka == null) {
            out.println("rekey check kafka: skipped (--no-kafka): records in flight were not checked");
        } else {
            for (Map.Entry<String, Long> topic : kafka.olderThan(ring.currentKeyId()).entrySet()) {
                out.println("rekey check " + topic.getKey() + ": " + topic.getValue()
                        + " unconsumed records under an older key"
                        + (topic.getValue() > 0 ? " (keep ENCRYPTION_PREVIOUS_KEYS until the processors consumed them, then rerun)" : ""));
                left += topic.getValue();
            }
        }
        out.println(left == 0 ? "REKEY done: no value under an older key remains; the previous keys can be dropped"
                : "REKEY incomplete: " + left + " values still under an older key; keep ENCRYPTION_PREVIOUS_KEYS and rerun");
        return left == 0;
    }
}
