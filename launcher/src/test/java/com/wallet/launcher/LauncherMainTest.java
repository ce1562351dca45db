package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line as bin/wallet hands it over: every command answers --help; bad input is one line and exit 1. */
class LauncherMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = LauncherMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldAnswerHelpForEveryCommandWithItsUsageLine() {
        for (String command : LauncherMain.commandLine().getSubcommands().keySet()) {
            out.getBuffer().setLength(0);

            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(out.toString()).as(command).startsWith("usage: bin/wallet " + command);
        }
    }

    @Test
    void shouldKeepTheTokenUsageOfTheContract() {
        run("token", "-h");

        assertThat(out.toString()).startsWith("usage: bin/wallet token USER [--admin] [--ttl 1h]\n");
    }

    @Test
    void shouldRefuseBadInputWithOneLineNamingTheUsage() {
        assertThat(run("token", "alice", "--bogus")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("wallet: Unknown option: '--bogus' (usage: bin/wallet token USER [--admin] [--ttl 1h])\n");
    }

    @Test
    void shouldReportAFailureAsOneLine() {
        assertThat(run("token", "alice", "--ttl", "2w")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("wallet: --ttl must be a number with an optional s/m/h/d suffix (got '2w')\n");
    }

    @Test
    void shouldRefuseAnUnknownCommandWithExit64AndTheCommandList() {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(LauncherMain.run("--repo", "/tmp", "bogus")).isEqualTo(64);
        } finally {
            System.setErr(before);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("wallet: unknown command 'bogus'\nusage: bin/wallet COMMAND [ARGS...]");
    }

    @Test
    void shouldListEveryCommandInHelp() {
        for (String command : java.util.List.of("up", "down", "status", "token", "demo", "test", "bench", "check", "chaos", "rekey",
                "migrate", "logs", "dlq", "kafka-up", "kafka-topics", "ensure-topics", "ensure-secrets", "health", "await-healthy", "help")) {
            assertThat(HelpText.text()).as(command).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(command) + "\\b");
        }
        assertThat(LauncherMain.HAND_OFFS.keySet()).allMatch(c -> HelpText.text().contains("\n  " + c));
    }

    @Test
    void shouldTakeTestsOptionOnly() {
        assertThat(run("test", "--bogus")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("wallet: Unknown option: '--bogus' (usage: bin/wallet test [--e2e-only])\n");
    }
}
