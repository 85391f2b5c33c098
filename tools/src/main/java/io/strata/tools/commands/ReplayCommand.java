package io.strata.tools.commands;

import io.strata.common.flink.JobConfig;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.tools.replay.ManifestStart;
import io.strata.tools.replay.Replay;
import io.strata.tools.replay.ReplayLayer;
import io.strata.tools.replay.ReplayPosition;
import io.strata.tools.stack.FlinkCli;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.JobCatalog;
import io.strata.tools.stack.JobsConfig;
import io.strata.tools.stack.StackHome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.iceberg.catalog.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./strata replay silver|gold|silver,gold --from ... [--tenant T]}: see {@link Replay}. */
@Command(
        name = "replay",
        description = {
            "Rebuild Silver and/or Gold from Kafka: stops the live job with a savepoint, runs a"
                    + " replay of it with fresh state into an Iceberg branch of every table of the"
                    + " layer, makes the branch current (main) once the replay has caught up with"
                    + " where the live job stopped, and resumes the live job from its savepoint."
                    + " Readers of the tables never see a half-built layer.",
            "--from: earliest, an ISO-8601 instant (e.g. 2026-11-21T09:00:00Z), a file of"
                    + " topic/partition:offset lines, or manifest:<id> (where that window's"
                    + " ancestry in ops.manifest starts). A replay from earliest rebuilds the"
                    + " layer's tables from empty (a Silver replay reads Bronze's Iceberg table"
                    + " when the Bronze topics no longer hold their beginning); from any other"
                    + " position it keeps the rows before it and re-writes what it reads."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "silver, gold, or silver,gold (in that order).")
    private String layers;

    @Option(names = "--from", required = true, description = "Where the replay starts reading.")
    private String from;

    @Option(names = "--tenant", description = "Rebuild only this tenant's rows (silver only).")
    private String tenant;

    @Option(
            names = "--manifest-table",
            defaultValue = "ops.manifest",
            description =
                    "Where --from manifest:<id> looks the record up (quality.iceberg.manifest-table).")
    private String manifestTable;

    @Option(
            names = "--timeout",
            defaultValue = "PT30M",
            description = "How long a replay may take to catch up (ISO-8601, default PT30M).")
    private Duration timeout;

    @Override
    public Integer call() {
        StackHome home = StackHome.fromEnvironment();
        Path configFile = new JobsConfig(home).write();
        Map<String, String> settings = JobConfig.readFile(configFile);
        Catalog catalog = IcebergCatalogs.load(Configuration.fromMap(settings));
        ReplayPosition position =
                ReplayPosition.parse(from, id -> ManifestStart.of(catalog, manifestTable, id));
        if (from.trim().startsWith("manifest:")) {
            System.out.printf("%s: its window's ancestry starts at %s%n", from.trim(), position);
        }
        List<ReplayLayer> order = new ArrayList<>();
        for (String l : layers.split(",")) {
            order.add(ReplayLayer.of(l));
        }
        order.sort(null);
        String id =
                ZonedDateTime.now(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        for (ReplayLayer layer : order) {
            new Replay(
                            layer,
                            settings,
                            configFile,
                            catalog,
                            new FlinkRest(home),
                            new FlinkCli(home),
                            new JobCatalog(home),
                            System.out)
                    .run(id.toLowerCase(), position, tenant, timeout);
        }
        return 0;
    }
}
