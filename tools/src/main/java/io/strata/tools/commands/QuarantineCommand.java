package io.strata.tools.commands;

import io.strata.tools.stack.JobsConfig;
import io.strata.tools.stack.StackHome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./strata quarantine reprocess --tenant T [--dry-run]}: after a tenant's configuration is
 * fixed and published, sends its refused events through silver-conform again (silver-conform's
 * {@code QuarantineTool}, reading {@code silver.quarantine} and Bronze's Iceberg table).
 */
@Command(
        name = "quarantine",
        description =
                "reprocess --tenant T: send the tenant's events refused by the Silver gate through"
                        + " silver-conform again, under the configuration now in force (publish"
                        + " the fix with ./strata tenants publish first). Each event is sent once"
                        + " per configuration version.")
public final class QuarantineCommand implements Callable<Integer> {

    private static final String TOOL = "io.strata.silver.reprocess.QuarantineTool";

    @Parameters(index = "0", description = "reprocess.")
    private String action;

    @Option(names = "--tenant", required = true, description = "The tenant whose events to send.")
    private String tenant;

    @Option(names = "--dry-run", description = "Only count what would be sent.")
    private boolean dryRun;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!action.equals("reprocess")) {
            System.err.println("Unknown action '" + action + "'; use reprocess");
            return 2;
        }
        StackHome home = StackHome.fromEnvironment();
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "reprocess",
                                "--config",
                                new JobsConfig(home).write().toString(),
                                "--tenant",
                                tenant));
        if (dryRun) {
            args.add("--dry-run");
        }
        return JobJarTool.run(home, "silver-conform", true, TOOL, args);
    }
}
