package io.strata.common.iceberg.maintenance;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;

/** Options of the table maintenance job ({@code ./strata maintain <layer>}). */
public final class MaintenanceOptions {

    public static final ConfigOption<List<String>> TABLES =
            key("maintain.tables")
                    .stringType()
                    .asList()
                    .noDefaultValue()
                    .withDescription(
                            "Tables to maintain, e.g. bronze.events;bronze.quarantine (';'"
                                    + " separated).");

    public static final ConfigOption<MemorySize> TARGET_FILE_SIZE =
            key("maintain.target-file-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("128mb"))
                    .withDescription(
                            "Data files smaller than this are compacted together, per partition.");

    public static final ConfigOption<Duration> SNAPSHOT_RETENTION =
            key("maintain.snapshot-retention")
                    .durationType()
                    .defaultValue(Duration.ofDays(1))
                    .withDescription(
                            "Snapshots older than this are expired (time travel reaches back this"
                                    + " far); their unreferenced files are deleted.");

    public static final ConfigOption<Integer> RETAIN_LAST =
            key("maintain.retain-last")
                    .intType()
                    .defaultValue(10)
                    .withDescription("Snapshots always kept, however old.");

    private MaintenanceOptions() {}
}
