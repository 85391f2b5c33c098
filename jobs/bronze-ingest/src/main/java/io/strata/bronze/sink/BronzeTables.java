package io.strata.bronze.sink;

import io.strata.bronze.BronzeIngestOptions;
import io.strata.common.iceberg.AvroIcebergSchemas;
import io.strata.common.iceberg.IcebergTables;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.QuarantineRecord;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The Bronze tables: schemas derived from the Avro definitions of {@link BronzeEvent} and {@link
 * QuarantineRecord}, format v2, partitioned by day and tenant. How events reach the writers is
 * {@link BronzeIngestOptions#ICEBERG_WRITE_DISTRIBUTION}, recorded on the table as {@code
 * write.distribution-mode}, which Iceberg's sink follows.
 */
public final class BronzeTables {

    /** The Parquet dictionary page limit per column of {@code bronze.events} (Iceberg's: 2 MiB). */
    static final long DICTIONARY_BYTES = 256 * 1024;

    private BronzeTables() {}

    public static TableIdentifier eventsId(ReadableConfig config) {
        return TableIdentifier.parse(config.get(BronzeIngestOptions.ICEBERG_EVENTS_TABLE));
    }

    public static TableIdentifier quarantineId(ReadableConfig config) {
        return TableIdentifier.parse(config.get(BronzeIngestOptions.ICEBERG_QUARANTINE_TABLE));
    }

    /** Creates or evolves {@code bronze.events}. */
    public static Table events(Catalog catalog, ReadableConfig config) {
        return IcebergTables.createOrEvolve(
                catalog,
                eventsId(config),
                AvroIcebergSchemas.toIceberg(BronzeEvent.getClassSchema()),
                s -> PartitionSpec.builderFor(s).day("ingest_time").identity("tenant_id").build(),
                properties(config));
    }

    /** Creates or evolves {@code bronze.quarantine}. */
    public static Table quarantine(Catalog catalog, ReadableConfig config) {
        return IcebergTables.quarantine(
                catalog,
                quarantineId(config),
                config.get(BronzeIngestOptions.ICEBERG_TARGET_FILE_SIZE));
    }

    private static Map<String, String> properties(ReadableConfig config) {
        Map<String, String> properties =
                new HashMap<>(
                        IcebergTables.standardProperties(
                                config.get(BronzeIngestOptions.ICEBERG_TARGET_FILE_SIZE)));
        properties.put(
                TableProperties.WRITE_DISTRIBUTION_MODE,
                config.get(BronzeIngestOptions.ICEBERG_WRITE_DISTRIBUTION)
                        .name()
                        .toLowerCase(Locale.ROOT));
        // Most Bronze columns are unique per row (event id, checksum, payload): Parquet builds a
        // dictionary for each until it outgrows this size, then falls back to plain encoding. A
        // small limit stops that waste early; the few-valued columns (tenant, app, record type,
        // topic) still fit their dictionaries many times over.
        properties.put(TableProperties.PARQUET_DICT_SIZE_BYTES, Long.toString(DICTIONARY_BYTES));
        return properties;
    }
}
