package io.strata.gold;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.strata.common.kafka.StartFrom;
import io.strata.common.kafka.StartingOffsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;

/** Every setting of gold-features; the shared ones (Kafka, registry, catalog) are StrataOptions. */
public final class GoldFeaturesOptions {

    /** Every option of this job starts with this prefix. */
    public static final String PREFIX = "gold.";

    public static final ConfigOption<List<String>> TENANTS =
            key("gold.input.tenants")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "Only these tenants' Silver rows are read (the others are skipped and"
                                    + " counted, by their Kafka key); empty: every tenant. Set by a"
                                    + " tenant-scoped ./strata replay gold.");

    public static final ConfigOption<String> INPUT_TOPIC_PREFIX =
            key("gold.input.topic-prefix")
                    .stringType()
                    .defaultValue("silver.")
                    .withDescription(
                            "Prefix of the Silver topics read (customer, product, order,"
                                    + " order_line, support_ticket, product_return are appended).");

    public static final ConfigOption<String> GROUP_ID =
            key("gold.input.group-id")
                    .stringType()
                    .defaultValue("strata-gold-features")
                    .withDescription(
                            "Kafka consumer group; offsets are committed to it on checkpoints.");

    public static final ConfigOption<StartFrom> START_FROM =
            key("gold.input.start-from")
                    .enumType(StartFrom.class)
                    .defaultValue(StartFrom.COMMITTED)
                    .withDescription(
                            "Where a job without restored state starts reading Silver: COMMITTED"
                                    + " (group offsets, else earliest), EARLIEST, LATEST,"
                                    + " TIMESTAMP (gold.input.start-timestamp) or OFFSETS"
                                    + " (gold.input.start-offsets).");

    public static final ConfigOption<String> START_TIMESTAMP =
            StartingOffsets.timestampOption("gold");

    public static final ConfigOption<String> START_OFFSETS = StartingOffsets.offsetsOption("gold");

    public static final ConfigOption<Duration> PARTITION_DISCOVERY =
            key("gold.input.partition-discovery-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "How often new partitions of the input topics are looked for.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            key("gold.features.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "Bound of event-time disorder of Silver rows: the watermark trails"
                                    + " the newest event time by this much, and features wait"
                                    + " for it before they are computed.");

    public static final ConfigOption<Duration> ALLOWED_LATENESS =
            key("gold.features.allowed-lateness")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "How far behind the watermark an event may arrive and still correct"
                                    + " the features (rows from its event time on are rewritten);"
                                    + " older events are counted and quarantined.");

    public static final ConfigOption<Duration> LATE_BATCH =
            key("gold.features.late-batch")
                    .durationType()
                    .defaultValue(Duration.ofMillis(500))
                    .withDescription(
                            "How long (processing time) a customer's events behind the watermark"
                                    + " gather before they are applied together: one"
                                    + " recomputation of the rows from the earliest of them on,"
                                    + " instead of one per event. Corrections reach the tables and"
                                    + " the topic up to this much later. A bounded input's last"
                                    + " watermark applies any still waiting.");

    public static final ConfigOption<Duration> IDLENESS =
            key("gold.features.idleness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "A Silver reader without records for this long stops holding back"
                                    + " the watermark. Keep it well above the checkpoint interval"
                                    + " (strata.checkpoint.interval) when Silver is exactly-once:"
                                    + " its rows then arrive once per silver-conform checkpoint,"
                                    + " and a shorter idleness lets the first input of each commit"
                                    + " move the watermark alone, so the others' versions of that"
                                    + " commit arrive behind it (corrections, or too late when"
                                    + " event time runs faster than the clock, as in a replay).");

    public static final ConfigOption<String> NAMESPACE =
            key("gold.iceberg.namespace")
                    .stringType()
                    .defaultValue("gold")
                    .withDescription("Iceberg namespace of the vault and feature tables.");

    public static final ConfigOption<String> QUARANTINE_TABLE =
            key("gold.iceberg.quarantine-table")
                    .stringType()
                    .defaultValue("gold.quarantine")
                    .withDescription(
                            "Iceberg table of Silver records Gold refuses (unreadable, too late).");

    public static final ConfigOption<MemorySize> TARGET_FILE_SIZE =
            key("gold.iceberg.target-file-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("128mb"))
                    .withDescription("Target size of the Gold tables' data files.");

    public static final ConfigOption<Boolean> KAFKA_OUTPUT_ENABLED =
            key("gold.output.kafka-enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Whether Kafka is written: the features and quarantine topics (both"
                                    + " also in Iceberg) and the manifest topic"
                                    + " (strata.manifest.topic, the only home of Gold's"
                                    + " manifest).");

    public static final ConfigOption<String> FEATURES_TOPIC =
            key("gold.output.features-topic")
                    .stringType()
                    .defaultValue("gold.customer-features")
                    .withDescription(
                            "Compacted Kafka topic of the current customer features: key"
                                    + " CustomerFeatureKey, value CustomerFeatures (Avro via the"
                                    + " registry).");

    public static final ConfigOption<String> QUARANTINE_TOPIC =
            key("gold.output.quarantine-topic")
                    .stringType()
                    .defaultValue("gold.quarantine")
                    .withDescription("Kafka topic of Silver records Gold refuses.");

    public static final ConfigOption<Integer> TOPIC_PARTITIONS =
            key("gold.output.topic-partitions")
                    .intType()
                    .defaultValue(2)
                    .withDescription("Partitions of the Gold topics the job creates.");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
            key("gold.output.transactional-id-prefix")
                    .stringType()
                    .defaultValue("strata-gold-features")
                    .withDescription(
                            "Prefix of the Kafka transactional ids in exactly-once delivery;"
                                    + " unique per job on a cluster.");

    private GoldFeaturesOptions() {}
}
