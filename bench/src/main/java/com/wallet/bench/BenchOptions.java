package com.wallet.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bench's settings: sizes from flags, addresses from flags (bin/wallet passes them), secrets
 * only from the environment (never on a command line, where ps would show them).
 *
 * @param concurrency    pgbench clients in (a); also the GraphQL wallet pairs of (c) (its clients in a closed loop)
 * @param inFlight       commands produced but not yet answered on wallet.transactions in (b) and (d)
 * @param durationSeconds length of each pgbench run in (a)
 * @param transfers      transfers produced straight to wallet.commands in (b)
 * @param wallets        funded bench wallets (b) spreads its transfers over
 * @param hotTransfers   transfers out of the one hot wallet in (d)
 * @param gqlTransfers   GraphQL transfer mutations in (c)
 * @param gqlRate        mutations per second (c) sends them at, an open loop; 0 for a closed loop of {@code concurrency} clients
 * @param warmup         unmeasured transfers before (b) (after the funding transfers) and before (c)
 * @param timeoutSeconds the longest a phase waits for its outstanding events
 * @param treasury       treasury wallets (at least) that take the deposits the bench wallets are funded from
 * @param maxDeposit     the largest deposit the gateway accepts (its WALLET_MAX_AMOUNT)
 * @param outDir         where the CSV and the PNG chart go
 * @param readSeconds    length of the read phase (e): GraphQL getTransaction/getWallet from {@code concurrency} clients
 */
record BenchOptions(
        int concurrency,
        int inFlight,
        int durationSeconds,
        int transfers,
        int wallets,
        int hotTransfers,
        int gqlTransfers,
        int gqlRate,
        int warmup,
        int timeoutSeconds,
        int treasury,
        long maxDeposit,
        String outDir,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        String pgHost,
        int pgPort,
        String scratchDatabase,
        String pgbench,
        String kafka,
        String gatewayUrl,
        boolean skipPgbench,
        boolean skipGateway,
        int readSeconds,
        boolean skipReads) {

    static final String USAGE = """
            usage: bin/wallet bench [options]
              --concurrency C   pgbench clients and concurrent GraphQL clients (default 8)
              --in-flight W     commands outstanding at once in the Kafka phases (default 64)
              --duration S      seconds of each pgbench run (default 10)
              --transfers N     end-to-end transfers produced to wallet.commands (default 3000)
              --wallets N       bench wallets the end-to-end transfers spread over (default 10000)
              --hot-transfers N transfers out of one hot wallet (default 1000)
              --gql-transfers N GraphQL transfer mutations through the gateway (default 1000)
              --gql-rate R      0 (default): the GraphQL phase is a closed loop of --concurrency clients;
                                R > 0: an open loop sending R mutations per second, timed from each one's due time
              --warmup N        unmeasured transfers after the funding ones, and before the GraphQL phase (default 200)
              --timeout S       longest wait for a phase's outstanding events (default 120)
              --treasury N      treasury wallets funded by real deposits, the bench wallets by transfers from them (default 24)
              --max-deposit M   largest deposit in minor units, the gateway's WALLET_MAX_AMOUNT (default 100000000)
              --out-dir DIR     where the per-second CSV and the PNG chart go (default .wallet/bench)
              --skip-pgbench    no pgbench phase (ratios print as 0)
              --skip-gateway    no GraphQL phases (c) and (e)
              --read-seconds S  seconds of the GraphQL read phase (e): getTransaction/getWallet polling (default 10)
              --skip-reads      no read phase (e) (read_tps and read_p99_ms print as 0)
              addresses (bin/wallet bench passes them): --db-url --db-user --pg-host --pg-port
                --scratch-db (default wallet_bench) --pgbench --kafka --gateway-url
              secrets from the environment only: ENCRYPTION_SECRET_KEY, JWT_SECRET, DATABASE_PASSWORD
              bin/wallet bench only: --skip-check  do not run bin/wallet check after the bench
            """;

    static BenchOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("concurrency", "8");
        values.put("in-flight", "64");
        values.put("duration", "10");
        values.put("transfers", "3000");
        values.put("wallets", "10000");
        values.put("hot-transfers", "1000");
        values.put("gql-transfers", "1000");
        values.put("gql-rate", "0");
        values.put("warmup", "200");
        values.put("timeout", "120");
        values.put("treasury", "24");
        values.put("max-deposit", "100000000");
        values.put("out-dir", ".wallet/bench");
        values.put("db-url", env("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet"));
        values.put("db-user", env("DATABASE_USERNAME", "postgres"));
        values.put("pg-host", "127.0.0.1");
        values.put("pg-port", "5432");
        values.put("scratch-db", "wallet_bench");
        values.put("pgbench", "/usr/bin/pgbench");
        values.put("kafka", env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        values.put("gateway-url", "http://127.0.0.1:8080/graphql");
        values.put("read-seconds", "10");
        boolean skipPgbench = false;
        boolean skipGateway = false;
        boolean skipReads = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--skip-pgbench")) {
                skipPgbench = true;
                continue;
            }
            if (arg.equals("--skip-gateway")) {
                skipGateway = true;
                continue;
            }
            if (arg.equals("--skip-reads")) {
                skipReads = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            values.put(name, value);
        }
        BenchOptions options = new BenchOptions(
                positive(values, "concurrency"), positive(values, "in-flight"), positive(values, "duration"),
                positive(values, "transfers"), positive(values, "wallets"), positive(values, "hot-transfers"),
                positive(values, "gql-transfers"), nonNegative(values, "gql-rate"), nonNegative(values, "warmup"), positive(values, "timeout"),
                positive(values, "treasury"), positiveLong(values, "max-deposit"), values.get("out-dir"),
                values.get("db-url"), values.get("db-user"), env("DATABASE_PASSWORD", ""),
                values.get("pg-host"), positive(values, "pg-port"), values.get("scratch-db"),
                values.get("pgbench"), values.get("kafka"), values.get("gateway-url"), skipPgbench, skipGateway,
                positive(values, "read-seconds"), skipReads || skipGateway);
        if (options.wallets() < 2) {
            throw new IllegalArgumentException("--wallets must be at least 2");
        }
        if (!options.scratchDatabase().matches("[a-z_][a-z0-9_]{0,62}") || options.scratchDatabase().equals("wallet")
                || options.databaseUrl().matches(".*/" + options.scratchDatabase() + "(\\?.*)?")) {
            throw new IllegalArgumentException("--scratch-db must be a plain identifier other than the wallet database");
        }
        return options;
    }

    private static int positive(Map<String, String> values, String name) {
        int n = nonNegative(values, name);
        if (n < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1");
        }
        return n;
    }

    private static long positiveLong(Map<String, String> values, String name) {
        try {
            long n = Long.parseLong(values.get(name));
            if (n < 1) {
                throw new IllegalArgumentException("--" + name + " must be at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number (got '" + values.get(name) + "')");
        }
    }

    private static int nonNegative(Map<String, String> values, String name) {
        try {
            int n = Integer.parseInt(values.get(name));
            if (n < 0) {
                throw new IllegalArgumentException("--" + name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number (got '" + values.get(name) + "')");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
