package io.strata.bronze;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;

/** Every setting of bronze-ingest; the shared ones (Kafka, registry, catalog) are StrataOptions. */
public final class BronzeIngestOptions {

    /** Every option of this job starts with this prefix. */
    public static final String PREFIX = "bronze.";

    /** Where to start when the consumer group has no committed offsets or a replay is asked. */
    public enum StartFrom {
        /** The group's committed offsets, the earliest offsets for partitions without any. */
        COMMITTED,
        EARLIEST,
        LATEST
    }

    /**
     * How accepted events reach the Iceberg writers ({@code write.distribution-mode} of {@code
     * bronze.events}).
     */
    public enum WriteDistribution {
        /**
         * Each writer writes what its dedupe subtask passed, chained to it: no second shuffle, but
         * up to one file per (day, tenant) per writer and checkpoint.
         */
        NONE,
        /**
         * Rows are shuffled to writers by partition: one file per (day, tenant) and checkpoint, at
         * the cost of serializing every row once more and computing its partition path.
         */
        HASH
    }

    public static final ConfigOption<String> TOPIC_PATTERN =
            key("bronze.input.topic-pattern")
                    .stringType()
                    .defaultValue("(raw|cdc)\\..+")
                    .withDescription(
                            "Java regular expression of the input topics (webhook raw.* and CDC"
                                    + " cdc.* topics); topics created later are picked up.");

    public static final ConfigOption<String> GROUP_ID =
            key("bronze.input.group-id")
                    .stringType()
                    .defaultValue("strata-bronze-ingest")
                    .withDescription(
                            "Kafka consumer group; offsets are committed to it on checkpoints.");

    public static final ConfigOption<StartFrom> START_FROM =
            key("bronze.input.start-from")
                    .enumType(StartFrom.class)
                    .defaultValue(StartFrom.COMMITTED)
                    .withDescription(
                            "Where a job without restored state starts reading: COMMITTED"
                                    + " (group offsets, else earliest), EARLIEST or LATEST.");

    public static final ConfigOption<Duration> PARTITION_DISCOVERY =
            key("bronze.input.partition-discovery-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription("How often new topics and partitions are looked for.");

    public static final ConfigOption<Boolean> TENANT_FROM_KEY =
            key("bronze.input.tenant-from-key")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Attribute a refused webhook record whose envelope cannot be read to"
                                    + " the tenant in its Kafka key (raw.* producers key by"
                                    + " tenant), so quarantine counts add up per tenant.");

    public static final ConfigOption<String> CDC_TOPIC_PREFIX =
            key("bronze.cdc.topic-prefix")
                    .stringType()
                    .defaultValue("cdc.")
                    .withDescription(
                            "Topics with this prefix carry Debezium change events; all others"
                                    + " the platform envelope.");

    public static final ConfigOption<String> CDC_TENANT_COLUMN =
            key("bronze.cdc.tenant-column")
                    .stringType()
                    .defaultValue("tenant_id")
                    .withDescription("The column of captured tables that holds the tenant id.");

    public static final ConfigOption<List<String>> CDC_KEY_COLUMNS =
            key("bronze.cdc.key-columns")
                    .stringType()
                    .asList()
                    .defaultValues("id")
                    .withDescription(
                            "Primary-key columns (';'-separated) read from the row image for the"
                                    + " CDC event id table:lsn:key when a record has no Kafka key;"
                                    + " cdc-capture keys every record by its table's own primary"
                                    + " key, which is used instead.");

    public static final ConfigOption<MemorySize> MAX_RECORD_SIZE =
            key("bronze.parse.max-record-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("1mb"))
                    .withDescription(
                            "Records larger than this are quarantined as OVERSIZED_PAYLOAD"
                                    + " without being parsed.");

    public static final ConfigOption<Integer> MAX_NESTING_DEPTH =
            key("bronze.parse.max-nesting-depth")
                    .intType()
                    .defaultValue(64)
                    .withDescription(
                            "Records whose JSON nests objects and arrays deeper than this are"
                                    + " quarantined as NESTING_TOO_DEEP, so a nesting bomb costs"
                                    + " no later layer a deep recursion.");

    public static final ConfigOption<Duration> MAX_EVENT_TIME_AHEAD =
            key("bronze.time.max-event-time-ahead")
                    .durationType()
                    .defaultValue(Duration.ofDays(1))
                    .withDescription(
                            "Events whose event time is further than this ahead of their ingest"
                                    + " time, or before 1970, are quarantined as"
                                    + " EVENT_TIME_OUT_OF_RANGE: one such event would otherwise"
                                    + " carry its partition's watermark years ahead.");

    public static final ConfigOption<MemorySize> QUARANTINE_RAW_MAX_SIZE =
            key("bronze.quarantine.raw-max-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("64kb"))
                    .withDescription(
                            "Quarantine rows keep at most this many raw bytes (the checksum is"
                                    + " always of the whole record).");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            key("bronze.time.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "Bound of event-time disorder within a source partition: the"
                                    + " watermark trails the newest event time by this much.");

    public static final ConfigOption<Duration> ALLOWED_LATENESS =
            key("bronze.time.allowed-lateness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "Events further than this behind their partition's watermark are"
                                    + " written with late=true and counted (never dropped).");

    public static final ConfigOption<Duration> IDLENESS =
            key("bronze.time.idleness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "A source split without records for this long stops holding back"
                                    + " the watermark.");

    public static final ConfigOption<Duration> DEDUPE_TTL =
            key("bronze.dedupe.ttl")
                    .durationType()
                    .defaultValue(Duration.ofDays(7))
                    .withDescription(
                            "How long an event id is remembered (processing time, from its first"
                                    + " sighting); a copy arriving later is accepted again. Bounds"
                                    + " the dedupe state: about 100 bytes per id in RocksDB.");

    public static final ConfigOption<String> ICEBERG_EVENTS_TABLE =
            key("bronze.iceberg.events-table")
                    .stringType()
                    .defaultValue("bronze.events")
                    .withDescription("Iceberg table of accepted events (namespace.table).");

    public static final ConfigOption<String> ICEBERG_QUARANTINE_TABLE =
            key("bronze.iceberg.quarantine-table")
                    .stringType()
                    .defaultValue("bronze.quarantine")
                    .withDescription("Iceberg table of refused records (namespace.table).");

    public static final ConfigOption<MemorySize> ICEBERG_TARGET_FILE_SIZE =
            key("bronze.iceberg.target-file-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("128mb"))
                    .withDescription(
                            "Target data file size of the Bronze tables (write.target-file-size"
                                    + "-bytes); checkpoints still close files, compaction merges"
                                    + " them.");

    public static final ConfigOption<WriteDistribution> ICEBERG_WRITE_DISTRIBUTION =
            key("bronze.iceberg.write-distribution")
                    .enumType(WriteDistribution.class)
                    .defaultValue(WriteDistribution.NONE)
                    .withDescription(
                            "NONE: writers are chained to dedupe (no second shuffle; up to one"
                                    + " file per partition per writer and checkpoint, which"
                                    + " `./strata maintain` compacts). HASH: rows are shuffled to"
                                    + " writers by (day, tenant) for one file per partition and"
                                    + " checkpoint; `./strata bench` measured it costlier per"
                                    + " event. Set on the table as write.distribution-mode.");

    public static final ConfigOption<Boolean> KAFKA_OUTPUT_ENABLED =
            key("bronze.output.kafka-enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Also write accepted events and quarantine rows to Kafka (Avro via"
                                    + " the registry) for silver-conform.");

    public static final ConfigOption<String> EVENTS_TOPIC =
            key("bronze.output.events-topic")
                    .stringType()
                    .defaultValue("bronze.events")
                    .withDescription("Kafka topic of accepted events, keyed by tenant + entity.");

    public static final ConfigOption<String> QUARANTINE_TOPIC =
            key("bronze.output.quarantine-topic")
                    .stringType()
                    .defaultValue("bronze.quarantine")
                    .withDescription("Kafka topic of refused records.");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
            key("bronze.output.transactional-id-prefix")
                    .stringType()
                    .defaultValue("strata-bronze-ingest")
                    .withDescription(
                            "Prefix of the Kafka transactional ids; unique per job on a cluster.");

    private BronzeIngestOptions() {}
}
