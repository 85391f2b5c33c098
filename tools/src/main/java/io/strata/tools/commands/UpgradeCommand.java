package io.strata.tools.commands;

import io.strata.tools.stack.DeployedJars;
import io.strata.tools.stack.JobCatalog;
import io.strata.tools.stack.JobsConfig;
import io.strata.tools.stack.StackHome;
import io.strata.tools.upgrade.JobUpgrade;
import io.strata.tools.upgrade.LocalCluster;
import io.strata.tools.upgrade.ReleasedOperators;
import io.strata.tools.upgrade.UpgradeReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./strata upgrade JOB JAR}: a running job moved to a new jar through a savepoint. */
@Command(
        name = "upgrade",
        description = {
            "Upgrade a running job to a new jar through a savepoint: stop it with a savepoint,"
                    + " start the new jar from it (state no operator claims is refused), and wait"
                    + " until it runs and has completed a checkpoint. When the new jar cannot"
                    + " restore the savepoint (a uid gone, a state type changed incompatibly), it"
                    + " is cancelled and the old jar restarts from the same savepoint.",
            "Exit status: 0 upgraded; 1 not upgraded, the old job runs; 2 not upgraded and the"
                    + " job is not running (its state is in the savepoint)."
        })
public final class UpgradeCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            description =
                    "The job: cdc-capture, bronze-ingest, silver-conform,"
                            + " gold-features or quality-async.")
    private String job;

    @Parameters(index = "1", description = "The new jar.")
    private Path jar;

    @Parameters(
            index = "2..*",
            description =
                    "Job arguments after --, passed to both jars after --config, e.g."
                            + " -- --strata.checkpoint.interval 5s.")
    private List<String> jobArguments = new ArrayList<>();

    @Option(
            names = "--config",
            description = "The jobs' configuration file (default: the local stack's).")
    private Path config;

    @Option(
            names = "--old-jar",
            description =
                    "The jar the job runs now, restarted if the new one is refused"
                            + " (default: the one ./strata submitted, else the module's).")
    private Path oldJar;

    @Option(
            names = "--savepoint-dir",
            description = "Where the savepoint goes (default: the cluster's savepoint directory).")
    private String savepointDir;

    @Option(
            names = "--timeout",
            defaultValue = "PT3M",
            description =
                    "How long each jar may take to run and complete a checkpoint"
                            + " (ISO-8601, default PT3M).")
    private Duration timeout;

    @Override
    public Integer call() {
        StackHome home = StackHome.fromEnvironment();
        JobCatalog.Job target = JobCatalog.job(job);
        if (!Files.isRegularFile(jar)) {
            System.err.println("No jar at " + jar);
            return 1;
        }
        DeployedJars deployed = new DeployedJars(home);
        Path old = oldJar != null ? oldJar : deployed.current(target);
        ReleasedOperators operators = ReleasedOperators.in(home.repo());
        JobUpgrade.Settings settings =
                new JobUpgrade.Settings(
                        config != null ? config : new JobsConfig(home).path(),
                        jobArguments,
                        timeout,
                        Duration.ofSeconds(1),
                        operators::annotate);
        LocalCluster cluster =
                new LocalCluster(
                        home, Optional.ofNullable(savepointDir), Duration.ofMinutes(5), System.out);
        UpgradeReport report =
                new JobUpgrade(cluster, target, settings, System.out)
                        .upgrade(old.toAbsolutePath(), jar.toAbsolutePath());
        if (report.outcome() == UpgradeReport.Outcome.UPGRADED) {
            deployed.record(target, jar);
        }
        report.print(System.out);
        return report.exitCode();
    }
}
