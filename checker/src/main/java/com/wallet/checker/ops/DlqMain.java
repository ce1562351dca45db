package com.wallet.checker.ops;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.RecordMetadata;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/wallet dlq list|show REF|replay REF...}: the dead-letter topics for an operator. Prints
 * ids, reasons and sizes, never a record's payload (ciphertext or not, it is the customer's data).
 * Exit 0 done, 1 a record not found, 2 bad usage or Kafka unreachable.
 */
public final class DlqMain {

    private static final String USAGE = """
            usage: bin/wallet dlq list
                   bin/wallet dlq show TOPIC:PARTITION:OFFSET
                   bin/wallet dlq replay TOPIC:PARTITION:OFFSET...

              list    every record of wallet.commands.dlq and stripe.events.dlq, oldest first: reference,
                      time, key, reason
              show    one record: its headers (reason, exception class, original topic/partition/offset,
                      request id), key, and the value's clear ids and size
              replay  sends the record's original key and value to the topic it came from; the processor
                      applies it as any record (an already-applied command or event is a no-op)
              Environment: KAFKA_BOOTSTRAP_SERVERS (default 127.0.0.1:9092).
            """;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DlqMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        try (DeadLetters dlq = new DeadLetters(bootstrap)) {
            switch (args[0]) {
                case "list" -> {
                    List<DeadLetters.DeadLetter> all = dlq.list();
                    for (DeadLetters.DeadLetter d : all) {
                        out.printf("%-28s %s  key=%s  %s%n", d.ref(), d.time(), d.keyText(), oneLine(d.reason()));
                    }
                    out.println(all.size() + " dead letter(s)");
                    return 0;
                }
                case "show", "replay" -> {
                    if (args.length < 2) {
                        err.print(USAGE);
                        return 2;
                    }
                    int missing = 0;
                    for (int i = 1; i < args.length; i++) {
                        Optional<DeadLetters.DeadLetter> found = dlq.find(args[i]);
                        if (found.isEmpty()) {
                            err.println("wallet dlq: no record " + args[i]);
                            missing++;
                        } else if (args[0].equals("show")) {
                            show(found.get(), out);
                        } else {
                            RecordMetadata sent = dlq.replay(found.get());
                            out.println("replayed " + args[i] + " to " + sent.topic() + ":" + sent.partition() + ":"
                                    + sent.offset());
                        }
                    }
                    return missing == 0 ? 0 : 1;
                }
                default -> {
                    err.println("wallet dlq: unknown command " + args[0]);
                    err.print(USAGE);
                    return 2;
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("wallet dlq: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("wallet dlq: cannot read or write Kafka at " + bootstrap + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return 2;
        }
    }

    static void show(DeadLetters.DeadLetter d, PrintStream out) {
        out.println("record:     " + d.ref());
        out.println("time:       " + d.time());
        out.println("key:        " + d.keyText());
        out.println("reason:     " + oneLine(d.reason()));
        out.println("exception:  " + d.exception());
        out.println("from:       " + d.originalTopic() + ":" + d.originalPartition() + ":" + d.originalOffset());
        out.println("request id: " + d.requestId());
        out.println("value:      " + describe(d.value()));
        out.println("replays to: " + d.replayTopic());
    }

    /** The value's clear routing ids (command or event id, key id) and its size: never its payload. */
    static String describe(byte[] value) {
        if (value == null) {
            return "none";
        }
        StringBuilder text = new StringBuilder(value.length + " bytes");
        try {
            JsonNode json = JSON.readTree(new String(value, StandardCharsets.UTF_8));
            for (String field : List.of("commandId", "walletId", "eventId", "keyId")) {
                if (json.path(field).isString()) {
                    text.append(", ").append(field).append('=').append(json.path(field).asString());
                }
            }
        } catch (JacksonException e) {
            text.append(", not JSON");
        }
        return text.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "(no reason)" : text.replaceAll("\\s+", " ");
    }
}
