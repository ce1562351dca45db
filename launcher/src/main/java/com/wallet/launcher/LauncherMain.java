package com.wallet.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * bin/wallet itself. The script finds java (17+) and mvn, builds this jar when it is missing or stale and
 * execs {@code java -jar launcher.jar --repo ROOT COMMAND ...}: every command lives here. The commands that
 * hand their arguments over to a tool's jar untouched (bench, check, chaos, rekey, logs, dlq, kafka-topics)
 * bypass picocli, so that each tool reads its own options (and answers --help) exactly as it did from bash.
 */
@Command(name = "bin/wallet", usageHelpAutoWidth = true,
        subcommands = {UpCommand.class, MigrateCommand.class, EnsureSecretsCommand.class, TokenCommand.class, StatusCommand.class, AwaitHealthyCommand.class, EnsureTopicsCommand.class, HealthCommand.class, DemoCommand.class, DownCommand.class, KafkaUpCommand.class, EmbeddedUpCommand.class, KafkaClasspathCommand.class,
                LikelyCauseCommand.class, TestCommand.class},
        description = "The wallet system's launcher (bin/wallet help lists every command).")
public final class LauncherMain {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    private boolean help;

    @Option(names = "--repo", paramLabel = "DIR", description = "the repository root (bin/wallet passes its own)")
    private Path repo;

    Settings settings() {
        return settings(repo);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** A command whose arguments go to a tool's jar as they are. */
    @FunctionalInterface
    interface HandOff {
        int run(Settings settings, List<String> args) throws Exception;
    }

    static final Map<String, HandOff> HAND_OFFS = Map.of(
            "bench", (settings, args) -> new BenchRun(settings).run(args),
            "chaos", (settings, args) -> new ChaosRun(settings).run(args),
            "check", (settings, args) -> Tools.standalone(settings).check(args),
            "rekey", (settings, args) -> Tools.standalone(settings).rekey(args),
            "logs", (settings, args) -> Tools.standalone(settings).logs(args),
            "dlq", (settings, args) -> Tools.standalone(settings).dlq(args),
            "kafka-topics", (settings, args) -> Tools.standalone(settings).kafkaTopics(args));

    static final int UNKNOWN_COMMAND = 64;

    static int run(String... args) {
        List<String> all = List.of(args);
        Path repo = null;
        int first = 0;
        if (all.size() >= 2 && all.get(0).equals("--repo")) {
            repo = Path.of(all.get(1));
            first = 2;
        }
        String command = all.size() > first ? all.get(first) : "help";
        List<String> rest = all.subList(Math.min(first + 1, all.size()), all.size());
        if (command.equals("help") || command.equals("-h") || command.equals("--help")) {
            System.out.print(HelpText.text());
            return 0;
        }
        HandOff handOff = HAND_OFFS.get(command);
        if (handOff != null) {
            try {
                return handOff.run(settings(repo), rest);
            } catch (LauncherException e) {
                System.err.println("wallet: " + e.getMessage());
                return 1;
            } catch (Exception e) {
                System.err.println("wallet: " + command + " failed: " + e);
                return 1;
            }
        }
        CommandLine cli = commandLine();
        if (!cli.getSubcommands().containsKey(command)) {
            System.err.println("wallet: unknown command '" + command + "'");
            System.err.print(HelpText.text());
            return UNKNOWN_COMMAND;
        }
        return cli.execute(args);
    }

    static Settings settings(Path repo) {
        Path root = repo != null ? repo : Path.of("").toAbsolutePath();
        return Settings.from(root.toAbsolutePath().normalize(), System.getenv());
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LauncherMain());
        for (CommandLine sub : cli.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("this text").build());
            spec.usageMessage().autoWidth(true);
            spec.usageMessage().synopsisHeading("").descriptionHeading("%n").optionListHeading("%noptions:%n");
        }
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            String synopsis = e.getCommandLine().getCommandSpec().usageMessage().customSynopsis().length > 0
                    ? e.getCommandLine().getCommandSpec().usageMessage().customSynopsis()[0]
                    : "bin/wallet help";
            err.println("wallet: " + e.getMessage() + " (" + synopsis + ")");
            err.flush();
            return 1;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof LauncherException) {
                err.println("wallet: " + e.getMessage());
            } else {
                err.println("wallet: " + commandLine.getCommandName() + " failed: " + e);
            }
            err.flush();
            return 1;
        });
        return cli;
    }
}
