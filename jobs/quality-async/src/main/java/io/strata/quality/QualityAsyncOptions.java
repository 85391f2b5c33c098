package io.strata.quality;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.strata.quality.rules.TenantRules.Identity;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;

/**
 * Every setting of quality-async; the shared ones (Kafka, registry, catalog, the manifest topic)
 * are StrataOptions. The {@code quality.profile.*}, {@code quality.referential-integrity.*}, {@code
 * quality.null-rate.*}, {@code quality.volume.*}, {@code quality.outliers.*} and {@code
 * quality.duplicates.*} options are the defaults of every tenant's rules; a tenant's configuration
 * overrides them in its {@code quality:} section ({@code QualitySections}).
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
                            "Kafka consumer group of the manifest topic (<group-id>-silver for"
                                    + " the Silver topics); offsets are committed on"
                                    + " checkpoints.");

    public static final ConfigOption<StartFrom> START_FROM =
            key("quality.input.start-from")
                    .enumType(StartFrom.class)
                    .defaultValue(StartFrom.COMMITTED)
                    .withDescription(
                            "Where a job without restored state starts reading the manifest and"
                                    + " the Silver topics:"
                                    + " COMMITTED (group offsets, else earliest), EARLIEST or"
                                    + " LATEST.");

    public static final ConfigOption<Duration> PARTITION_DISCOVERY =
            key("quality.input.partition-discovery-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "How often new partitions (and Silver topics) are looked for.");

    public static final ConfigOption<Duration> ARRIVAL_GRACE =
            key("quality.input.arrival-grace")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "How long (processing time) a verdict that a row did not arrive in"
                                    + " time (an order's customer) waits once the watermark has"
                                    + " passed its event-time deadline. The Silver topics are read"
                                    + " side by side, and a partition whose head is ahead in event"
                                    + " time (e.g. CDC rows of today before webhook rows of last"
                                    + " week) lets the watermark pass rows still unread there.");

    public static final ConfigOption<Duration> RECONCILIATION_WAIT =
            key("quality.reconciliation.wait")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "How long (processing time, from the first manifest record naming it)"
                                    + " a BRONZE window may stay unreconciled: SILVER records"
                                    + " naming it that add up to its count and checksum make it"
                                    + " COMPLETE at once; otherwise it is FAILED with an alert"
                                    + " when this has passed. The same for a SILVER window and"
                                    + " the GOLD records reading its rows. More than Silver's lag"
                                    + " behind Bronze and Gold's behind Silver, checkpoints"
                                    + " included.");

    public static final ConfigOption<Duration> RECONCILIATION_RETENTION =
            key("quality.reconciliation.retention")
                    .durationType()
                    .defaultValue(Duration.ofDays(1))
                    .withDescription(
                            "How long a checked BRONZE or SILVER window is remembered after its"
                                    + " wait, so records of the next layer (and findings) arriving"
                                    + " later still change its status"
                                    + " (a late claim completes it, an extra one fails it);"
                                    + " bounds the reconciliation state.");

    public static final ConfigOption<List<String>> RECONCILIATION_GOLD_ENTITIES =
            key("quality.reconciliation.gold-entities")
                    .stringType()
                    .asList()
                    .defaultValues(
                            "customer",
                            "product",
                            "order",
                            "order_line",
                            "support_ticket",
                            "product_return")
                    .withDescription(
                            "The Silver entities gold-features reads. Each SILVER window's rows on"
                                    + " their topics (read back, with their checksums) must be the"
                                    + " rows the GOLD manifest records say Gold read of the window;"
                                    + " otherwise the window is FAILED with an alert once"
                                    + " quality.reconciliation.wait has passed. Empty: Silver is not"
                                    + " reconciled with Gold (no gold-features job).");

    public static final ConfigOption<String> SILVER_TOPIC_PREFIX =
            key("quality.silver.topic-prefix")
                    .stringType()
                    .defaultValue("silver.")
                    .withDescription(
                            "Prefix of the Silver topics checked by the Tier-2 and Tier-3 rules"
                                    + " (<prefix><entity>, e.g. silver.order); read with the"
                                    + " consumer group <group-id>-silver.");

    public static final ConfigOption<Duration> SILVER_OUT_OF_ORDERNESS =
            key("quality.silver.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "How far behind the newest event time of a Silver partition its"
                                    + " watermark trails; rows later than that still count in"
                                    + " the profile windows not yet closed.");

    public static final ConfigOption<Duration> SILVER_IDLENESS =
            key("quality.silver.idleness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "A Silver partition without records for this long no longer holds"
                                    + " back the watermark.");

    public static final ConfigOption<String> TENANTS_DIRECTORY =
            key("quality.rules.tenants-directory")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Directory of the tenant configurations (<tenant>.yaml, e.g."
                                    + " schemas/tenants) whose quality: sections override the"
                                    + " defaults below per tenant; validated when the job"
                                    + " starts. Unset: every tenant has the defaults.");

    public static final ConfigOption<Duration> PROFILE_WINDOW =
            key("quality.profile.window")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "Tumbling event-time window of the volume and null-rate profiles,"
                                    + " per tenant and entity; a window is judged when the"
                                    + " watermark passes its end.");

    public static final ConfigOption<Integer> PROFILE_HISTORY =
            key("quality.profile.history")
                    .intType()
                    .defaultValue(12)
                    .withDescription(
                            "Windows in the rolling baseline: the last N closed before the one"
                                    + " judged (windows without rows count as empty).");

    public static final ConfigOption<Integer> PROFILE_MIN_HISTORY =
            key("quality.profile.min-history")
                    .intType()
                    .defaultValue(6)
                    .withDescription(
                            "Windows the baseline needs before the volume and null-rate rules"
                                    + " judge at all.");

    public static final ConfigOption<Boolean> REFERENTIAL_INTEGRITY_ENABLED =
            key("quality.referential-integrity.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Tier 2: report orders whose customer (tenant, customer_key) never"
                                    + " appears on silver.customer.");

    public static final ConfigOption<Duration> REFERENTIAL_INTEGRITY_WAIT =
            key("quality.referential-integrity.wait")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "Event time after an order's within which its customer must have"
                                    + " appeared (before or after it); one result and alert per"
                                    + " order otherwise.");

    public static final ConfigOption<Boolean> NULL_RATE_ENABLED =
            key("quality.null-rate.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Tier 2: compare each nullable field's null rate per window with the"
                                    + " baseline.");

    public static final ConfigOption<Long> NULL_RATE_MIN_ROWS =
            key("quality.null-rate.min-rows")
                    .longType()
                    .defaultValue(20L)
                    .withDescription("Rows a window needs before its null rates are judged.");

    public static final ConfigOption<Double> NULL_RATE_MAX_INCREASE =
            key("quality.null-rate.max-increase")
                    .doubleType()
                    .defaultValue(0.3)
                    .withDescription(
                            "Largest allowed rise of a field's null rate over the baseline's"
                                    + " (nulls over rows in the history windows), absolute:"
                                    + " 0.3 = 30 percentage points.");

    public static final ConfigOption<Boolean> VOLUME_ENABLED =
            key("quality.volume.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Tier 2: compare rows per window with the baseline.");

    public static final ConfigOption<Long> VOLUME_MIN_ROWS =
            key("quality.volume.min-rows")
                    .longType()
                    .defaultValue(20L)
                    .withDescription(
                            "A window is judged only when its count or the baseline's mean"
                                    + " reaches this: a few rows per window are noise.");

    public static final ConfigOption<Double> VOLUME_K =
            key("quality.volume.k")
                    .doubleType()
                    .defaultValue(4.0)
                    .withDescription(
                            "A window's count c breaches when |c - mean| > k * stddev of the"
                                    + " baseline windows and the ratio test below also fails.");

    public static final ConfigOption<Double> VOLUME_MAX_RATIO =
            key("quality.volume.max-ratio")
                    .doubleType()
                    .defaultValue(3.0)
                    .withDescription(
                            "... and c > max-ratio * mean or c < mean / max-ratio: small"
                                    + " baselines with little spread do not alert on noise.");

    public static final ConfigOption<Boolean> OUTLIERS_ENABLED =
            key("quality.outliers.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Tier 3: report order totals far from the tenant's recent ones"
                                    + " (robust z-score).");

    public static final ConfigOption<Integer> OUTLIERS_SAMPLE =
            key("quality.outliers.sample")
                    .intType()
                    .defaultValue(500)
                    .withDescription(
                            "Order totals in the tenant's rolling sample (the newest, one per"
                                    + " order).");

    public static final ConfigOption<Integer> OUTLIERS_MIN_SAMPLE =
            key("quality.outliers.min-sample")
                    .intType()
                    .defaultValue(50)
                    .withDescription("Totals the sample needs before orders are judged.");

    public static final ConfigOption<Double> OUTLIERS_MAX_Z =
            key("quality.outliers.max-z")
                    .doubleType()
                    .defaultValue(6.0)
                    .withDescription(
                            "Largest allowed robust z-score 0.6745 * |x - median| / MAD of an"
                                    + " order total against the sample.");

    public static final ConfigOption<Boolean> DUPLICATES_ENABLED =
            key("quality.duplicates.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Tier 3: report customers of a tenant sharing a normalized identity"
                                    + " under different keys.");

    public static final ConfigOption<List<Identity>> DUPLICATES_MATCH =
            key("quality.duplicates.match")
                    .enumType(Identity.class)
                    .asList()
                    .defaultValues(Identity.EMAIL)
                    .withDescription(
                            "What makes customers duplicate candidates: EMAIL (trimmed,"
                                    + " lower-cased), NAME (also inner whitespace collapsed), or"
                                    + " both (EMAIL;NAME). NAME is off by default: common names"
                                    + " repeat among distinct customers.");

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

    public static final ConfigOption<String> QUALITY_RESULTS_TABLE =
            key("quality.iceberg.quality-results-table")
                    .stringType()
                    .defaultValue("ops.quality_results")
                    .withDescription(
                            "Iceberg table of the Tier-2 and Tier-3 findings (append-only, by"
                                    + " day of detection), one row per finding.");

    public static final ConfigOption<String> QUARANTINE_TABLE =
            key("quality.iceberg.quarantine-table")
                    .stringType()
                    .defaultValue("ops.quarantine")
                    .withDescription(
                            "Iceberg table of manifest and Silver topic records that are no"
                                    + " readable record (POISON_AVRO).");

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
