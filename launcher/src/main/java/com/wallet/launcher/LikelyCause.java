package com.wallet.launcher;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The likely cause of a component's failure, read from the end of its log: the first rule (in
 * order) whose pattern occurs there. The wording names what to check, never a secret's value.
 */
public final class LikelyCause {

    private record Rule(Pattern pattern, Function<Context, String> cause) {
        static Rule of(String regex, Function<Context, String> cause) {
            return new Rule(Pattern.compile(regex, Pattern.DOTALL), cause);
        }
    }

    /** What a cause may name: the component, its port (when known) and the addresses in use. */
    public record Context(String name, Integer port, Settings settings) {
        String portOrName() {
            return port != null ? String.valueOf(port) : "of " + name;
        }

        String portOrPlaceholder() {
            return port != null ? String.valueOf(port) : "PORT";
        }
    }

    private static final List<Rule> RULES = List.of(
            Rule.of("UnsupportedClassVersionError", c -> "this java is older than the JDK 17 the jars need (java -version)"),
            Rule.of("Address already in use|BindException|could not bind|Port already in use",
                    c -> "port " + c.portOrName() + " is taken by another process (ss -ltnp | grep " + c.portOrPlaceholder() + ")"),
            Rule.of("password authentication failed|role \".*\" does not exist",
                    c -> "PostgreSQL refused the credentials (DATABASE_USERNAME / DATABASE_PASSWORD)"),
            Rule.of("Connection to .* refused|PSQLException.*onnection|database \".*\" does not exist",
                    c -> "PostgreSQL refused the connection at " + c.settings().databaseUrl()),
            Rule.of("FlywayValidateException|Migration .* failed|FlywayMigrateException",
                    c -> "a database migration failed (the Flyway error above)"),
            Rule.of("RedisWrongPasswordException|WRONGPASS|NOAUTH",
                    c -> "Redis refused the password (the one in REDIS_URL: redis://:PASSWORD@host:port)"),
            Rule.of("RedisConnectionException|Unable to connect to Redis|Unable to init enough connections",
                    c -> "Redis did not answer at " + redacted(c.settings().redisUrl())),
            Rule.of("REDIS_URL is not a valid", c -> "REDIS_URL is malformed (percent-encode / ? # @ % , in its password)"),
            Rule.of("OutOfMemoryError", c -> "the JVM ran out of memory (WALLET_JAVA_OPTS)"),
            Rule.of("Node -1 disconnected|Connection to node -1|Timed out waiting for a node assignment",
                    c -> "Kafka did not answer at " + c.settings().kafkaBootstrap()),
            Rule.of("ENCRYPTION_SECRET_KEY|JWT_SECRET|STRIPE_SECRET_KEY|STRIPE_WEBHOOK_SECRET",
                    c -> "a secret is missing or malformed (the variable named above)"));

    private LikelyCause() {
    }

    /** The cause for the end of a log (its last 400 lines), or empty when no rule matches. */
    public static Optional<String> of(List<String> logEnd, Context context) {
        String text = String.join("\n", logEnd);
        return RULES.stream().filter(r -> r.pattern().matcher(text).find()).findFirst().map(r -> r.cause().apply(context));
    }

    /** " (likely cause: ...)" for NAME's log, or "" (the suffix bin/wallet's messages end with). */
    public static String suffix(Logs logs, Context context) {
        return of(logs.tail(context.name(), 400), context).map(c -> " (likely cause: " + c + ")").orElse("");
    }

    /** Every user:password@ of a (comma-separated) URL list shown as ***@. */
    static String redacted(String urls) {
        return urls.replaceAll("://[^,]*@", "://***@");
    }
}
