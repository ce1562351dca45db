package com.wallet.rekey;

import com.wallet.common.config.InvalidSecretException;
import com.wallet.common.config.MasterKeys;
import com.wallet.common.crypto.KeyRing;
import java.io.PrintStream;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/wallet rekey}: exit 0 when no value under an older key remains, 1 when some do (each
 * kind named, rows by id), 2 when it cannot run (a bad key, the database unreachable, bad options).
 */
public final class RekeyMain {

    static final int DONE = 0;
    static final int INCOMPLETE = 1;
    static final int CANNOT_RUN = 2;

    private static final String USAGE = """
            usage: bin/wallet rekey [--batch-size 500] [--database-url URL] [--kafka HOST:PORT]
                                    [--group wallet-processor] [--no-kafka]

              Re-encrypts every stored ciphertext under the current key (ENCRYPTION_SECRET_KEY), reading
              older values with ENCRYPTION_PREVIOUS_KEYS: wallets' bank details, transactions'
              descriptions, payment methods, client secrets and request fingerprints, the gateway's
              command outbox. Online (conditional updates, one transaction per batch) and resumable
              (a rerun skips what is current). Then checks that no wallet.commands or stripe.events
              record under an older key is still waiting for the processors.
              Exit 0: nothing under an older key remains (drop ENCRYPTION_PREVIOUS_KEYS); 1: some
              values remain (keep the previous keys, rerun); 2: it could not run.
              Environment: ENCRYPTION_SECRET_KEY, ENCRYPTION_PREVIOUS_KEYS, DATABASE_URL,
              DATABASE_USERNAME (default wallet_app: the services' role, whose UPDATE grants are all
              rekey needs), DATABASE_PASSWORD, KAFKA_BOOTSTRAP_SERVERS.
            """;

    private static final Set<String> OPTIONS = Set.of("batch-size", "database-url", "kafka", "group", "no-kafka");

    private RekeyMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options;
        KeyRing ring;
        int batchSize;
        try {
            options = options(args);
            if (options.containsKey("help")) {
                out.print(USAGE);
                return DONE;
            }
            batchSize = Integer.parseInt(options.getOrDefault("batch-size", "500"));
            if (batchSize < 1) {
                throw new IllegalArgumentException("--batch-size must be at least 1");
            }
            ring = MasterKeys.ring(env.get(MasterKeys.VARIABLE), env.get(MasterKeys.PREVIOUS_VARIABLE));
        } catch (InvalidSecretException e) {
            err.println("wallet rekey: " + e.getMessage());
            return CANNOT_RUN;
        } catch (IllegalArgumentException e) {
            err.println("wallet rekey: " + e.getMessage());
            err.print(USAGE);
            return CANNOT_RUN;
        }
        String url = options.getOrDefault("database-url", env.getOrDefault("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet"));
        String user = env.getOrDefault("DATABASE_USERNAME", "wallet_app");
        String password = env.getOrDefault("DATABASE_PASSWORD", "");
        KafkaInFlight kafka = options.containsKey("no-kafka") ? null : new KafkaInFlight(
                options.getOrDefault("kafka", env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")),
                options.getOrDefault("group", "wallet-processor"), JsonMapper.builder().build());
        try {
            boolean done = new Rekey(ring, () -> DriverManager.getConnection(url, user, password), kafka, batchSize, out)
                    .run();
            return done ? DONE : INCOMPLETE;
        } catch (Exception e) {
            // The class and message of a driver or client error: no values are in them.
            Throwable cause = e.getCause();
            err.println("wallet rekey: cannot run: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")"));
            return CANNOT_RUN;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                options.put("help", "");
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (value == null && name.equals("no-kafka")) {
                value = "";
            } else if (value == null && i + 1 < args.length) {
                value = args[++i];
            } else if (value == null) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            options.put(name, value);
        }
        return options;
    }
}
