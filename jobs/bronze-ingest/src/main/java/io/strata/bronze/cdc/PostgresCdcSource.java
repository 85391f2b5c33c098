package io.strata.bronze.cdc;

import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.cdc.connectors.base.options.StartupOptions;
import org.apache.flink.cdc.connectors.postgres.source.PostgresSourceBuilder.PostgresIncrementalSource;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.util.Preconditions;

/**
 * The Flink CDC incremental Postgres source of cdc-capture: pgoutput through a named slot and a
 * filtered publication, a chunked snapshot first (unless told otherwise), then the WAL stream. Its
 * offsets (LSNs) are checkpointed state; the slot is advanced once a checkpoint completes.
 */
public final class PostgresCdcSource {

    /** Postgres allows 63 characters; the snapshot's backfill slot appends "_<subtask>". */
    private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,58}");

    private PostgresCdcSource() {}

    /** The source for {@code config}; the password comes from {@link PostgresPassword}. */
    public static PostgresIncrementalSource<ChangeEvent> create(ReadableConfig config) {
        String slot = config.get(CdcCaptureOptions.SLOT_NAME);
        Preconditions.checkArgument(
                SLOT_NAME.matcher(slot).matches(),
                "%s must be 1-58 characters of a-z, 0-9 and _, got '%s'",
                CdcCaptureOptions.SLOT_NAME.key(),
                slot);
        List<String> tables = config.get(CdcCaptureOptions.TABLES);
        Preconditions.checkArgument(
                !tables.isEmpty() && tables.stream().allMatch(t -> t.contains(".")),
                "%s must name at least one table, each as schema.table, got %s",
                CdcCaptureOptions.TABLES.key(),
                tables);
        return PostgresIncrementalSource.<ChangeEvent>builder()
                .hostname(config.get(CdcCaptureOptions.HOSTNAME))
                .port(config.get(CdcCaptureOptions.PORT))
                .database(config.get(CdcCaptureOptions.DATABASE))
                .username(config.get(CdcCaptureOptions.USER))
                .password(PostgresPassword.resolve(config))
                .schemaList(config.get(CdcCaptureOptions.SCHEMAS).toArray(String[]::new))
                .tableList(tables.toArray(String[]::new))
                .slotName(slot)
                .decodingPluginName("pgoutput")
                .startupOptions(startup(config.get(CdcCaptureOptions.STARTUP_MODE)))
                .splitSize(config.get(CdcCaptureOptions.SNAPSHOT_CHUNK_SIZE))
                .heartbeatInterval(config.get(CdcCaptureOptions.HEARTBEAT_INTERVAL))
                .lsnCommitCheckpointsDelay(config.get(CdcCaptureOptions.LSN_COMMIT_DELAY))
                .debeziumProperties(debeziumProperties(config))
                .deserializer(new ChangeEventDeserializer())
                .build();
    }

    static Properties debeziumProperties(ReadableConfig config) {
        String publication = config.get(CdcCaptureOptions.PUBLICATION_NAME);
        Preconditions.checkArgument(
                publication != null && !publication.isBlank(),
                "%s must not be empty",
                CdcCaptureOptions.PUBLICATION_NAME.key());
        Properties props = new Properties();
        props.setProperty("publication.autocreate.mode", "filtered");
        props.setProperty("publication.name", publication);
        // ToKafkaRecords writes the tombstones, after the delete and in the same transaction.
        props.setProperty("tombstones.on.delete", "false");
        return props;
    }

    private static StartupOptions startup(CdcCaptureOptions.StartupMode mode) {
        return switch (mode) {
            case INITIAL -> StartupOptions.initial();
            case LATEST -> StartupOptions.latest();
        };
    }
}
