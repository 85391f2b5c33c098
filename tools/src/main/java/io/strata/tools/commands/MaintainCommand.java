package io.strata.tools.commands;

import io.strata.tools.stack.FlinkCli;
import io.strata.tools.stack.JobCatalog;
import io.strata.tools.stack.JobsConfig;
import io.strata.tools.stack.StackHome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./strata maintain bronze}: compacts a layer's Iceberg tables and expires snapshots. */
@Command(
        name = "maintain",
        description =
                "Compact a layer's Iceberg tables (small files per partition) and expire old"
                        + " snapshots, as a bounded Flink job on the local cluster.")
public final class MaintainCommand implements Callable<Integer> {

    /** Each layer's tables and the job jar that carries the maintenance job. */
    static final Map<String, LayerTables> LAYERS =
            Map.of(
                    "bronze",
                    new LayerTables(
                            "bronze-ingest", List.of("bronze.events", "bronze.quarantine")));

    record LayerTables(String job, List<String> tables) {}

    @Parameters(description = "The layer: bronze.")
    private String layer;

    @Option(names = "--target-file-size", description = "e.g. 128mb (default from the options).")
    private String targetFileSize;

    @Option(names = "--snapshot-retention", description = "e.g. 1d, 2h (default 1 d).")
    private String retention;

    @Option(names = "--retain-last", description = "Snapshots always kept (default 10).")
    private Integer retainLast;

    @Override
    public Integer call() {
        LayerTables tables = LAYERS.get(layer);
        if (tables == null) {
            System.err.println("Unknown layer '" + layer + "'; known: " + LAYERS.keySet());
            return 2;
        }
        StackHome home = StackHome.fromEnvironment();
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "run",
                                "-c",
                                "io.strata.common.iceberg.maintenance.MaintainTablesJob",
                                new JobCatalog(home).jar(tables.job()).toString(),
                                "--config",
                                new JobsConfig(home).write().toString(),
                                "--maintain.tables",
                                String.join(";", tables.tables())));
        addIfSet(args, "maintain.target-file-size", targetFileSize);
        addIfSet(args, "maintain.snapshot-retention", retention);
        addIfSet(args, "maintain.retain-last", retainLast == null ? null : retainLast.toString());
        return new FlinkCli(home).run(args);
    }

    private static void addIfSet(List<String> args, String key, String value) {
        if (value != null) {
            args.add("--" + key);
            args.add(value);
        }
    }
}
