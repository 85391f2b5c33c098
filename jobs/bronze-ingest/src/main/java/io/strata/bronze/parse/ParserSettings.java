package io.strata.bronze.parse;

import io.strata.bronze.BronzeIngestOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.util.Preconditions;

/**
 * What the envelope parser needs to know, fixed when the job is built.
 *
 * @param job the job name written into quarantine rows
 * @param maxRecordBytes records above this size are refused unparsed
 * @param quarantineRawMaxBytes quarantine rows keep at most this many raw bytes
 * @param cdcTopicPrefix topics with this prefix carry Debezium change events
 * @param cdcTenantColumn the row column holding the tenant id
 * @param cdcKeyColumns the primary-key columns, in order
 * @param tenantFromKey attribute refused raw records to their Kafka key when the envelope cannot
 *     tell their tenant
 * @param maxNestingDepth records nesting JSON deeper than this are refused
 * @param maxEventTimeAhead records whose event time is further ahead of their ingest time are
 *     refused (as are those before 1970)
 */
public record ParserSettings(
        String job,
        int maxRecordBytes,
        int quarantineRawMaxBytes,
        String cdcTopicPrefix,
        String cdcTenantColumn,
        List<String> cdcKeyColumns,
        boolean tenantFromKey,
        int maxNestingDepth,
        Duration maxEventTimeAhead)
        implements Serializable {

    public ParserSettings {
        Preconditions.checkArgument(maxRecordBytes > 0, "The record size limit must be positive");
        Preconditions.checkArgument(
                quarantineRawMaxBytes >= 0, "The quarantine raw limit must not be negative");
        Preconditions.checkArgument(
                !cdcKeyColumns.isEmpty(), "CDC records need at least one primary-key column");
        Preconditions.checkArgument(
                maxNestingDepth >= 2,
                "The nesting limit must allow at least the envelope and its payload (2)");
        Preconditions.checkArgument(
                !maxEventTimeAhead.isNegative(), "The event-time lead must not be negative");
        cdcKeyColumns = List.copyOf(cdcKeyColumns);
    }

    /** The settings from the job's options. */
    public static ParserSettings from(ReadableConfig config, String job) {
        return new ParserSettings(
                job,
                (int) config.get(BronzeIngestOptions.MAX_RECORD_SIZE).getBytes(),
                (int) config.get(BronzeIngestOptions.QUARANTINE_RAW_MAX_SIZE).getBytes(),
                config.get(BronzeIngestOptions.CDC_TOPIC_PREFIX),
                config.get(BronzeIngestOptions.CDC_TENANT_COLUMN),
                config.get(BronzeIngestOptions.CDC_KEY_COLUMNS),
                config.get(BronzeIngestOptions.TENANT_FROM_KEY),
                config.get(BronzeIngestOptions.MAX_NESTING_DEPTH),
                config.get(BronzeIngestOptions.MAX_EVENT_TIME_AHEAD));
    }
}
