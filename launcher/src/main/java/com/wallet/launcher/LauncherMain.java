package com.wallet.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * bin/wallet's Java half. bin/wallet builds this jar when it is missing or stale and runs
 * {@code java -jar launcher.jar --repo ROOT COMMAND ...} for the commands that live here; the rest
 * (and {@code bin/wallet help}, which lists them all) stays in bash.
 */
@Command(name = "bin/wallet", usageHelpAutoWidth = true,
        subcommands = {UpCommand.class, MigrateCommand.class, EnsureSecretsCommand.class, TokenCommand.class, StatusCommand.class, AwaitHealthyCommand.class, EnsureTopicsCommand.class, HealthCommand.class, DemoCommand.class, DownCommand.class, KafkaUpCommand.class, EmbeddedUpCommand.class, KafkaClasspathCommand.class,
                LikelyCauseCommand.class},
        description = "The wallet system's launcher (bin/wallet help lists every command).")
public final class LauncherMain {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    private boolean help;

    @Option(names = "--repo", paramLabel = "DIR", description = "the repository root (bin/wallet passes its own)")
    private Path repo;

    Settings settings() {
        Path root = repo != null ? repo : Path.of("").toAbsolutePath();
        return Settings.from(root.toAbsolutePath().normalize(), System.getenv());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
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
