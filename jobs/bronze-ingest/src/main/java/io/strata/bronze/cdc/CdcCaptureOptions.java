package io.strata.bronze.cdc;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.strata.common.kafka.DeliveryMode;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/**
 * Every setting of cdc-capture; Kafka's address is {@code strata.kafka.bootstrap-servers}. The
 * prefix is {@code cdc.}, not {@code bronze.}, so both jobs can read one configuration file while
 * each refuses unknown keys under its own prefix.
 */
public final class CdcCaptureOptions {

    /** Every option of this job starts with this prefix. */
    public static final String PREFIX = "cdc.";

    /** Where a job without restored state starts reading. */
    public enum StartupMode {
        /** A consistent snapshot of the tables (op {@code r}), then the changes after it. */
        INITIAL,
        /** Only changes made from now on; no snapshot. */
        LATEST
    }

    public static final ConfigOption<String> HOSTNAME =
            key("cdc.source.hostname")
                    .stringType()
                    .defaultValue("localhost")
                    .withDescription(
                            "Host of the Postgres server (the primary: slots live there).");

    public static final ConfigOption<Integer> PORT =
            key("cdc.source.port")
                    .intType()
                    .defaultValue(5432)
                    .withDescription("Port of the Postgres server (15432 on the local stack).");

    public static final ConfigOption<String> DATABASE =
            key("cdc.source.database")
                    .stringType()
                    .defaultValue("platform")
                    .withDescription("Database holding the captured tables.");

    public static final ConfigOption<String> USER =
            key("cdc.source.user")
                    .stringType()
                    .defaultValue("postgres")
                    .withDescription(
                            "User with the REPLICATION attribute, SELECT on the tables and the"
                                    + " right to create the publication.");

    public static final ConfigOption<String> PASSWORD_ENV =
            key("cdc.source.password-env")
                    .stringType()
                    .defaultValue("STRATA_CDC_PASSWORD")
                    .withDescription(
                            "Environment variable (of the `flink run` client) holding the"
                                    + " password; unset means no password (trust"
                                    + " authentication). Never logged.");

    public static final ConfigOption<String> PASSWORD_FILE =
            key("cdc.source.password-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "File whose content (trailing newline stripped) is the password;"
                                    + " wins over the environment variable. Never logged.");

    public static final ConfigOption<List<String>> SCHEMAS =
            key("cdc.source.schemas")
                    .stringType()
                    .asList()
                    .defaultValues("platform")
                    .withDescription("Schemas to capture (';'-separated).");

    public static final ConfigOption<List<String>> TABLES =
            key("cdc.source.tables")
                    .stringType()
                    .asList()
                    .defaultValues(
                            "platform.tenants",
                            "platform.customers",
                            "platform.products",
                            "platform.price_lists")
                    .withDescription(
                            "Tables to capture as schema.table (';'-separated); they form the"
                                    + " filtered publication, so they must exist at first start.");

    public static final ConfigOption<String> SLOT_NAME =
            key("cdc.source.slot-name")
                    .stringType()
                    .defaultValue("strata_cdc")
                    .withDescription(
                            "Logical replication slot (pgoutput) the job reads and advances on"
                                    + " checkpoints; a-z, 0-9, _ and at most 58 characters (the"
                                    + " snapshot adds '_<subtask>' for its backfill slot). It"
                                    + " outlives the job and pins WAL until dropped.");

    public static final ConfigOption<String> PUBLICATION_NAME =
            key("cdc.source.publication-name")
                    .stringType()
                    .defaultValue("strata_cdc")
                    .withDescription(
                            "Publication of the captured tables; created (filtered to the"
                                    + " tables) when missing, used as it is when present.");

    public static final ConfigOption<StartupMode> STARTUP_MODE =
            key("cdc.source.startup-mode")
                    .enumType(StartupMode.class)
                    .defaultValue(StartupMode.INITIAL)
                    .withDescription(
                            "INITIAL: snapshot every table (op r), then stream changes; LATEST:"
                                    + " stream changes from now on. Ignored on restore from a"
                                    + " checkpoint or savepoint.");

    public static final ConfigOption<Integer> SNAPSHOT_CHUNK_SIZE =
            key("cdc.source.snapshot-chunk-size")
                    .intType()
                    .defaultValue(8096)
                    .withDescription(
                            "Rows per snapshot chunk (each held in memory while read); chunks"
                                    + " split on the first primary-key column, so one chunk"
                                    + " holds at least all rows sharing one value of it.");

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL =
            key("cdc.source.heartbeat-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "How often the source reports progress while the captured tables"
                                    + " are quiet, so the slot still releases WAL.");

    public static final ConfigOption<Integer> LSN_COMMIT_DELAY =
            key("cdc.source.lsn-commit-delay-checkpoints")
                    .intType()
                    .defaultValue(3)
                    .withDescription(
                            "The slot is advanced to a checkpoint's LSN only after this many"
                                    + " later checkpoints completed, so a restore from one of"
                                    + " the latest checkpoints still finds its WAL. A restore"
                                    + " from an older savepoint silently skips the changes in"
                                    + " between (Postgres streams from the slot's position).");

    public static final ConfigOption<String> TOPIC_PREFIX =
            key("cdc.output.topic-prefix")
                    .stringType()
                    .defaultValue("cdc.")
                    .withDescription(
                            "Changes of table s.t go to topic <prefix>s.t; must match"
                                    + " bronze-ingest's bronze.cdc.topic-prefix.");

    public static final ConfigOption<Integer> TOPIC_PARTITIONS =
            key("cdc.output.topic-partitions")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "Partitions of the compacted topics the job creates at submission"
                                    + " when missing (records are keyed by primary key, so"
                                    + " each row stays in order on one partition).");

    public static final ConfigOption<Boolean> CREATE_TOPICS =
            key("cdc.output.create-topics")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Create missing topics of the listed tables at submission, with"
                                    + " cleanup.policy=compact so tombstones remove deleted rows.");

    public static final ConfigOption<DeliveryMode> DELIVERY =
            key("cdc.output.delivery")
                    .enumType(DeliveryMode.class)
                    .defaultValue(DeliveryMode.EXACTLY_ONCE)
                    .withDescription(
                            "EXACTLY_ONCE: transactional, visible to read_committed consumers"
                                    + " when a checkpoint completes; AT_LEAST_ONCE: visible at"
                                    + " once, a restart may repeat changes (bronze-ingest"
                                    + " drops them by table, LSN and key).");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
            key("cdc.output.transactional-id-prefix")
                    .stringType()
                    .defaultValue("strata-cdc-capture")
                    .withDescription(
                            "Prefix of the Kafka transactional ids; unique per job on a cluster.");

    private CdcCaptureOptions() {}
}
