package com.wallet.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckMainTest {

    @Test
    void readsDurationsInShortAndIsoForm() {
        assertThat(CheckMain.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(CheckMain.duration("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(CheckMain.duration("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(CheckMain.duration("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> CheckMain.duration("soon")).hasMessageContaining("not a duration: soon");
    }

    @Test
    void defaultsToTheLocalSystemAndItsEmulator() {
        CheckerConfig config = CheckMain.config(Map.of(), Map.of());

        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/wallet");
        assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(config.stripeEmulator()).isEqualTo(URI.create("http://127.0.0.1:12111"));
        assertThat(config.deadline()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void refusesTheStripeApiWithoutAKeyAndNeverPrintsOne() {
        assertThatThrownBy(() -> CheckMain.config(Map.of("stripe-api", ""), Map.of()))
                .hasMessageContaining("STRIPE_SECRET_KEY");
        CheckerConfig config = CheckMain.config(Map.of("stripe-api", ""), Map.of("STRIPE_SECRET_KEY", "sk_live_secret"));
        assertThat(config.toString()).doesNotContain("sk_live_secret").contains("key redacted");
    }

    @Test
    void answersTwoOnAnUnknownOptionOrAnUnreachableSource() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(CheckMain.run(new String[] {"--frobnicate"}, Map.of(), out, errors)).isEqualTo(CheckMain.CANNOT_CHECK);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --frobnicate");
        assertThat(CheckMain.run(new String[] {"--database-url", "jdbc:postgresql://127.0.0.1:1/none", "--no-stripe"},
                Map.of(), out, errors)).isEqualTo(CheckMain.CANNOT_CHECK);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot check: cannot read the database clock");
    }
}
