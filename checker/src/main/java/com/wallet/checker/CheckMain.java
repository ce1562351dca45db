package com.wallet.checker;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/wallet check}: prints one line per invariant and exits 0 when every one holds, 1 on
 * any violation, 2 when it cannot check (a source unreachable, bad options).
 */
public final class CheckMain {

    static final int HOLDS = 0;
    static final int VIOLATED = 1;
    static final int CANNOT_CHECK = 2;

    private static final String USAGE = """
            usage: bin/wallet check [--deadline 15m] [--outbox-deadline 1m] [--database-url URL]
                                    [--kafka HOST:PORT] [--topic wallet.transactions]
                                    [--stripe-emulator URL | --stripe-api [--stripe-window 30d] | --no-stripe]

              Checks the money invariants of contract section 6 over PostgreSQL, the whole
              wallet.transactions topic and the Stripe side (the emulator locally; with --stripe-api the
              Stripe API with STRIPE_SECRET_KEY). Exit 0: every invariant holds; 1: a violation (each
              one named); 2: the check could not run.
              Environment: DATABASE_URL, DATABASE_USERNAME, DATABASE_PASSWORD, KAFKA_BOOTSTRAP_SERVERS,
              STRIPE_API_BASE (the emulator's URL), STRIPE_SECRET_KEY (with --stripe-api).
            """;

    private static final Set<String> OPTIONS = Set.of("deadline", "outbox-deadline", "database-url", "kafka", "topic",
            "stripe-emulator", "stripe-api", "stripe-window", "no-stripe");

    private CheckMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CheckerConfig config;
        try {
            Map<String, String> options = options(args);
            if (options.containsKey("help")) {
                out.print(USAGE);
                return HOLDS;
            }
            config = config(options, env);
        } catch (IllegalArgumentException e) {
            err.println("wallet check: " + e.getMessage());
            err.print(USAGE);
            return CANNOT_CHECK;
        }
        try {
            Report report = new InvariantChecker(config).run();
            report.print(out);
            return report.passed() ? HOLDS : VIOLATED;
        } catch (CheckFailedException e) {
            err.println("wallet check: cannot check: " + e.getMessage());
            return CANNOT_CHECK;
        }
    }

    static CheckerConfig config(Map<String, String> o, Map<String, String> env) {
        String stripeKey = null;
        URI emulator = null;
        if (o.containsKey("stripe-api")) {
            stripeKey = env.get("STRIPE_SECRET_KEY");
            if (stripeKey == null || stripeKey.isBlank()) {
                throw new IllegalArgumentException("--stripe-api needs STRIPE_SECRET_KEY");
            }
        } else if (!o.containsKey("no-stripe")) {
            emulator = URI.create(o.getOrDefault("stripe-emulator", env.getOrDefault("STRIPE_API_BASE", "http://127.0.0.1:12111")));
        }
        return new CheckerConfig(
                o.getOrDefault("database-url", env.getOrDefault("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet")),
                env.getOrDefault("DATABASE_USERNAME", "postgres"), env.getOrDefault("DATABASE_PASSWORD", ""),
                o.getOrDefault("kafka", env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")),
                o.getOrDefault("topic", "wallet.transactions"), emulator, stripeKey,
                duration(o.getOrDefault("stripe-window", "30d")),
                duration(o.getOrDefault("deadline", "15m")), duration(o.getOrDefault("outbox-deadline", "1m")));
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
            boolean flag = name.equals("stripe-api") || name.equals("no-stripe");
            if (value == null && flag) {
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

    /** "90s", "15m", "2h", "30d" or ISO-8601 ("PT15M"). */
    static Duration duration(String text) {
        try {
            if (text.matches("\\d+[smhd]")) {
                long n = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (use 90s, 15m, 2h, 30d)");
        }
    }
}
