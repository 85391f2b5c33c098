package io.strata.silver;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.strata.common.kafka.StartFrom;
import io.strata.common.kafka.StartingOffsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;

/**
 * Every setting of silver-conform; the shared ones (Kafka, registry, catalog) are StrataOptions.
 */
public final class SilverConformOptions {

    /** Every option of this job starts with this prefix. */
    public static final String PREFIX = "silver.";

    public static final ConfigOption<String> INPUT_TOPIC =
            key("silver.input.topic")
                    .stringType()
                    .defaultValue("bronze.events")
                    .withDescription(
                            "Kafka topic of Bronze events (Avro, written by bronze-ingest).");

    public static final ConfigOption<String> REPROCESS_TOPIC =
            key("silver.input.reprocess-topic")
                    .stringType()
                    .defaultValue("bronze.reprocess")
                    .withDescription(
                            "Compacted Kafka topic of Bronze events sent again by ./strata"
                                    + " quarantine reprocess (key tenant|event-id, header"
                                    + " strata.config-version); read next to the input topic.");

    public static final ConfigOption<String> REPROCESS_BRONZE_TABLE =
            key("silver.reprocess.bronze-table")
                    .stringType()
                    .defaultValue("bronze.events")
                    .withDescription(
                            "Iceberg table of Bronze events (the permanent record): quarantine"
                                    + " reprocessing reads refused events back from it, and a"
                                    + " replay reads it when the Bronze topics no longer hold"
                                    + " their beginning (silver.input.bronze-table-snapshot).");

    public static final ConfigOption<Long> BRONZE_TABLE_SNAPSHOT =
            key("silver.input.bronze-table-snapshot")
                    .longType()
                    .noDefaultValue()
                    .withDescription(
                            "When set, Bronze events are read once from this snapshot of the"
                                    + " Bronze events table (silver.reprocess.bronze-table)"
                                    + " instead of from the Bronze topics: the permanent record,"
                                    + " for a replay of Silver after the topic's retention dropped"
                                    + " its beginning (./strata replay silver --from earliest"
                                    + " chooses it then).");

    public static final ConfigOption<String> GROUP_ID =
            key("silver.input.group-id")
                    .stringType()
                    .defaultValue("strata-silver-conform")
                    .withDescription(
                            "Kafka consumer group; offsets are committed to it on checkpoints."
                                    + " The tenant configuration topic is read with <group>-tenants.");

    public static final ConfigOption<StartFrom> START_FROM =
            key("silver.input.start-from")
                    .enumType(StartFrom.class)
                    .defaultValue(StartFrom.COMMITTED)
                    .withDescription(
                            "Where a job without restored state starts reading Bronze: COMMITTED"
                                    + " (group offsets, else earliest), EARLIEST, LATEST,"
                                    + " TIMESTAMP (silver.input.start-timestamp) or OFFSETS"
                                    + " (silver.input.start-offsets).");

    public static final ConfigOption<String> START_TIMESTAMP =
            StartingOffsets.timestampOption("silver");

    public static final ConfigOption<String> START_OFFSETS =
            StartingOffsets.offsetsOption("silver");

    public static final ConfigOption<List<String>> TENANTS =
            key("silver.input.tenants")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "Only these tenants' Bronze events are conformed (the others are"
                                    + " skipped and counted); empty: every tenant. Set by a"
                                    + " tenant-scoped ./strata replay.");

    public static final ConfigOption<Duration> PARTITION_DISCOVERY =
            key("silver.input.partition-discovery-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "How often new partitions of the input topics are looked for.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            key("silver.time.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "Bound of event-time disorder of Bronze events: the watermark trails"
                                    + " the newest event time by this much. Sequencing does not"
                                    + " depend on it (rows are ordered by their own event time).");

    public static final ConfigOption<Duration> IDLENESS =
            key("silver.time.idleness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "A Bronze reader without records for this long stops holding back the"
                                    + " watermark.");

    public static final ConfigOption<String> TENANTS_TOPIC =
            key("silver.tenants.topic")
                    .stringType()
                    .defaultValue("config.tenants")
                    .withDescription(
                            "Compacted Kafka topic of tenant configurations: key = tenant id,"
                                    + " value = the YAML text, a null value removes the tenant."
                                    + " Read from the beginning as broadcast state; a published"
                                    + " configuration wins over the start-up directory's.");

    public static final ConfigOption<String> TENANTS_DIRECTORY =
            key("silver.tenants.directory")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Directory of <tenant>.yaml files (e.g. schemas/tenants) read and"
                                    + " validated when the job is submitted; an invalid file"
                                    + " fails the submission with a located message. Without"
                                    + " it, tenants come from the topic only.");

    public static final ConfigOption<Duration> UNKNOWN_TENANT_GRACE =
            key("silver.tenants.unknown-tenant-grace")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(2))
                    .withDescription(
                            "Events of a tenant without configuration wait this long (processing"
                                    + " time, in keyed state) for one to be published, then are"
                                    + " quarantined as UNKNOWN_TENANT; at the end of a bounded"
                                    + " input they are quarantined at once.");

    public static final ConfigOption<Duration> STATE_TTL =
            key("silver.sequence.state-ttl")
                    .durationType()
                    .defaultValue(Duration.ofDays(30))
                    .withDescription(
                            "How long the latest version of a row (event time, source position,"
                                    + " hash diff, tombstone) is remembered after its last"
                                    + " change. Bounds the sequencing state (about 150 bytes per"
                                    + " tenant and business key in RocksDB); an update older"
                                    + " than a forgotten version is applied again.");

    public static final ConfigOption<String> ICEBERG_NAMESPACE =
            key("silver.iceberg.namespace")
                    .stringType()
                    .defaultValue("silver")
                    .withDescription(
                            "Iceberg namespace of the Silver tables: one table per canonical"
                                    + " entity (<namespace>.customer, .order_line, ...).");

    public static final ConfigOption<String> ICEBERG_QUARANTINE_TABLE =
            key("silver.iceberg.quarantine-table")
                    .stringType()
                    .defaultValue("silver.quarantine")
                    .withDescription("Iceberg table of refused records (namespace.table).");

    public static final ConfigOption<MemorySize> ICEBERG_TARGET_FILE_SIZE =
            key("silver.iceberg.target-file-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("128mb"))
                    .withDescription(
                            "Target data file size of the Silver tables"
                                    + " (write.target-file-size-bytes).");

    public static final ConfigOption<Boolean> KAFKA_OUTPUT_ENABLED =
            key("silver.output.kafka-enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Also write Silver rows to silver.<entity> topics and refusals to the"
                                    + " quarantine topic (Avro via the registry).");

    public static final ConfigOption<String> TOPIC_PREFIX =
            key("silver.output.topic-prefix")
                    .stringType()
                    .defaultValue("silver.")
                    .withDescription(
                            "Silver rows go to <prefix><entity> topics, keyed by"
                                    + " tenant|business key.");

    public static final ConfigOption<String> QUARANTINE_TOPIC =
            key("silver.output.quarantine-topic")
                    .stringType()
                    .defaultValue("silver.quarantine")
                    .withDescription("Kafka topic of refused records.");

    public static final ConfigOption<List<String>> COMPACTED_ENTITIES =
            key("silver.output.compacted-entities")
                    .stringType()
                    .asList()
                    .defaultValues("customer", "product")
                    .withDescription(
                            "Entities whose topics are created compacted (master data: the"
                                    + " latest row per key is what consumers need).");

    public static final ConfigOption<Integer> TOPIC_PARTITIONS =
            key("silver.output.topic-partitions")
                    .intType()
                    .defaultValue(2)
                    .withDescription(
                            "Partitions of the Silver topics the job creates when they are"
                                    + " missing.");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
            key("silver.output.transactional-id-prefix")
                    .stringType()
                    .defaultValue("strata-silver-conform")
                    .withDescription(
                            "Prefix of the Kafka transactional ids; unique per job on a cluster.");

    private SilverConformOptions() {}
}
