package io.strata.tools.commands;

import io.strata.common.flink.JobConfig;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.tools.stack.JobsConfig;
import io.strata.tools.stack.StackHome;
import io.strata.tools.summary.ManifestReport;
import io.strata.tools.summary.ManifestRow;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./strata manifest [--tenant T]}: where each tenant's data stands per layer, read from the
 * Iceberg manifest quality-async consolidates ({@link ManifestReport}).
 */
@Command(
        name = "manifest",
        description =
                "Per tenant and layer: windows, records, quarantine, duplicates, last event time,"
                        + " event lag and freshness, and open issues (failed reconciliations),"
                        + " from the Iceberg ops.manifest table quality-async writes.")
public final class ManifestCommand implements Callable<Integer> {

    @Option(names = "--tenant", description = "Only this tenant.")
    private String tenant;

    @Option(
            names = "--table",
            defaultValue = "ops.manifest",
            description = "The manifest table (quality.iceberg.manifest-table).")
    private String table;

    @Override
    public Integer call() {
        StackHome home = StackHome.fromEnvironment();
        Configuration config =
                Configuration.fromMap(JobConfig.readFile(new JobsConfig(home).write()));
        new ManifestReport(ManifestRow.read(IcebergCatalogs.load(config), table))
                .print(System.out, Instant.now(), tenant);
        return 0;
    }
}
