package io.strata.tools;

import io.strata.tools.commands.BenchCommand;
import io.strata.tools.commands.ChaosCommand;
import io.strata.tools.commands.ChecksumCommand;
import io.strata.tools.commands.DemoCommand;
import io.strata.tools.commands.DownCommand;
import io.strata.tools.commands.FlinkCommand;
import io.strata.tools.commands.GenerateCommand;
import io.strata.tools.commands.LogsCommand;
import io.strata.tools.commands.MaintainCommand;
import io.strata.tools.commands.ManifestCommand;
import io.strata.tools.commands.QuarantineCommand;
import io.strata.tools.commands.ReplayCommand;
import io.strata.tools.commands.SqlCommand;
import io.strata.tools.commands.StatusCommand;
import io.strata.tools.commands.TenantCommand;
import io.strata.tools.commands.TenantsCommand;
import io.strata.tools.commands.UpCommand;
import io.strata.tools.commands.UpgradeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./strata} command line: the local stack and operator tooling. */
@Command(
        name = "strata",
        mixinStandardHelpOptions = true,
        description =
                "Strata: Kafka to Iceberg Bronze/Silver/Gold with Flink. Local stack and tools.",
        subcommands = {
            UpCommand.class,
            DownCommand.class,
            StatusCommand.class,
            LogsCommand.class,
            FlinkCommand.class,
            UpgradeCommand.class,
            SqlCommand.class,
            GenerateCommand.class,
            DemoCommand.class,
            MaintainCommand.class,
            TenantsCommand.class,
            TenantCommand.class,
            QuarantineCommand.class,
            ManifestCommand.class,
            ReplayCommand.class,
            ChecksumCommand.class,
            BenchCommand.class,
            ChaosCommand.class,
            CommandLine.HelpCommand.class
        })
public final class StrataCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as {@code ./strata} runs it. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new StrataCli());
        // Everything after `flink` or `sql` belongs to Flink's own command line.
        for (String passThrough : new String[] {"flink", "sql"}) {
            CommandLine command = cli.getSubcommands().get(passThrough);
            command.setStopAtPositional(true);
            command.setUnmatchedOptionsArePositionalParams(true);
        }
        cli.setExecutionExceptionHandler(StrataCli::refuse);
        return cli;
    }

    /**
     * A setting the command refuses (IllegalArgumentException, e.g. {@code --runs 1}) is the user's
     * to mend: its message and the usage exit code, not a stack trace. Anything else is rethrown to
     * picocli, which prints it whole.
     */
    private static int refuse(Exception e, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        if (!(e instanceof IllegalArgumentException)) {
            throw e;
        }
        command.getErr().println("strata " + command.getCommandName() + ": " + e.getMessage());
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
