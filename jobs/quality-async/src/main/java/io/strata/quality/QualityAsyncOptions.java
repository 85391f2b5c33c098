package io.strata.quality;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;

/**
 * Every setting of quality-async; the shared ones (Kafka, registry, catalog, the manifest topic)
 * are StrataOptions.
 */
public final class QualityAsyncOptions {

    /** Every option of this job starts with this prefix. */
    public static final String PREFIX = "quality.";

    /** Where to start reading the manifest topic when the job has no restored state. */
    public enum StartFrom {
        /** The group's committed offsets, the earliest offsets for partitions without any. */
        COMMITTED,
        EARLIEST,
        LATEST
    }

    public static final ConfigOption<String> GROUP_ID =
            key("quality.input.group-id")
                    .stringType()
                    .defaultValue("strata-quality-async")
                    .withDescription(
                            "Kafka consumer group of the manifest topic; offsets are committed to"
                                    + " it on checkpoints.");

    public static final ConfigOption<StartFrom> START_FROM =
            key("quality.input.start-from")
                    .enumType(StartFrom.class)
                    .defaultValue(StartFrom.COMMITTED)
                    .withDescription(
                            "Where a job without restored state starts reading the manifest:"
                                    + " COMMITTED (group offsets, else earliest), EARLIEST or"
                                    + " LATEST.");

    public static final ConfigOption<Duration> PARTITION_DISCOVERY =
            key("quality.input.partition-discovery-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "How often new partitions of the manifest topic are looked for.");

    public static final ConfigOption<Duration> RECONCILIATION_WAIT =
            key("quality.reconciliation.wait")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "How long (processing time, from the first manifest record naming it)"
                                    + " a BRONZE window may stay unreconciled: SILVER records"
                                    + " naming it that add up to its count and checksum make it"
                                    + " COMPLETE at once; otherwise it is FAILED with an alert"
                                    + " when this has passed. More than Silver's lag behind"
                                    + " Bronze, checkpoints included.");

    public static final ConfigOption<Duration> RECONCILIATION_RETENTION =
            key("quality.reconciliation.retention")
                    .durationType()
                    .defaultValue(Duration.ofDays(1))
                    .withDescription(
                            "How long a checked BRONZE window is remembered after its wait, so"
                                    + " SILVER records arriving later still change its status"
                                    + " (a late claim completes it, an extra one fails it);"
                                    + " bounds the reconciliation state.");

    public static final ConfigOption<String> MANIFEST_TABLE =
            key("quality.iceberg.manifest-table")
                    .stringType()
                    .defaultValue("ops.manifest")
                    .withDescription(
                            "Iceberg table of the consolidated manifest (namespace.table):"
                                    + " format v2, upserted by manifest_id, partitioned by layer"
                                    + " and tenant.");

    public static final ConfigOption<String> ALERTS_TABLE =
            key("quality.iceberg.alerts-table")
                    .stringType()
                    .defaultValue("ops.alerts")
                    .withDescription(
                            "Iceberg table of the alerts (append-only), next to the alerts topic.");

    public static final ConfigOption<String> QUARANTINE_TABLE =
            key("quality.iceberg.quarantine-table")
                    .stringType()
                    .defaultValue("ops.quarantine")
                    .withDescription(
                            "Iceberg table of manifest topic records that are no readable"
                                    + " manifest record (POISON_AVRO).");

    public static final ConfigOption<MemorySize> ICEBERG_TARGET_FILE_SIZE =
            key("quality.iceberg.target-file-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("32mb"))
                    .withDescription(
                            "Target data file size of the ops tables"
                                    + " (write.target-file-size-bytes).");

    public static final ConfigOption<String> ALERTS_TOPIC =
            key("quality.output.alerts-topic")
                    .stringType()
                    .defaultValue("ops.alerts")
                    .withDescription(
                            "Kafka topic of alerts (Avro via the registry), one record per breach,"
                                    + " keyed by tenant.");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
            key("quality.output.transactional-id-prefix")
                    .stringType()
                    .defaultValue("strata-quality-async")
                    .withDescription(
                            "Prefix of the Kafka transactional ids; unique per job on a cluster.");

    private QualityAsyncOptions() {}
}
