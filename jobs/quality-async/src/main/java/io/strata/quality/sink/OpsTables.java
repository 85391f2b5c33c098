package io.strata.quality.sink;

import io.strata.common.iceberg.AvroIcebergSchemas;
import io.strata.common.iceberg.IcebergTables;
import io.strata.model.ops.Alert;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QualityResult;
import io.strata.quality.QualityAsyncOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The ops tables quality-async writes. {@code ops.manifest}: the {@link ManifestRecord} columns,
 * format v2, upserted by manifest id (a window's record is written again after a producer's restart
 * and whenever its reconciliation status changes). It is partitioned by layer and tenant, not by
 * day: an upsert deletes by its key within the row's partition, so every partition column must be
 * part of the key and fixed for a manifest id, which layer and tenant are (both are in the id) and
 * a time column is not (a re-emitted window may end later). {@code ops.alerts}: append-only, by day
 * of detection. {@code ops.quality_results}: the Tier-2 and Tier-3 findings, append-only, by day of
 * detection. The quarantine table: as every layer's.
 */
public final class OpsTables {

    /** The upsert key: the manifest id, plus the partition columns it determines. */
    public static final List<String> MANIFEST_KEY = List.of("manifest_id", "layer", "tenant_id");

    private OpsTables() {}

    public static TableIdentifier manifestId(ReadableConfig config) {
        return TableIdentifier.parse(config.get(QualityAsyncOptions.MANIFEST_TABLE));
    }

    public static TableIdentifier alertsId(ReadableConfig config) {
        return TableIdentifier.parse(config.get(QualityAsyncOptions.ALERTS_TABLE));
    }

    public static TableIdentifier qualityResultsId(ReadableConfig config) {
        return TableIdentifier.parse(config.get(QualityAsyncOptions.QUALITY_RESULTS_TABLE));
    }

    public static TableIdentifier quarantineId(ReadableConfig config) {
        return TableIdentifier.parse(config.get(QualityAsyncOptions.QUARANTINE_TABLE));
    }

    /** The manifest table's schema, with {@link #MANIFEST_KEY} as identifier fields. */
    public static Schema manifestSchema() {
        Schema derived = AvroIcebergSchemas.toIceberg(ManifestRecord.getClassSchema());
        Set<Integer> identifiers = new HashSet<>();
        MANIFEST_KEY.forEach(c -> identifiers.add(derived.findField(c).fieldId()));
        return new Schema(derived.columns(), identifiers);
    }

    /** Creates or evolves the manifest table. */
    public static Table manifest(Catalog catalog, ReadableConfig config) {
        Map<String, String> properties = new HashMap<>(properties(config));
        properties.put(TableProperties.UPSERT_ENABLED, "true");
        return IcebergTables.createOrEvolve(
                catalog,
                manifestId(config),
                manifestSchema(),
                s -> PartitionSpec.builderFor(s).identity("layer").identity("tenant_id").build(),
                properties);
    }

    /** Creates or evolves the alerts table. */
    public static Table alerts(Catalog catalog, ReadableConfig config) {
        return IcebergTables.createOrEvolve(
                catalog,
                alertsId(config),
                AvroIcebergSchemas.toIceberg(Alert.getClassSchema()),
                s -> PartitionSpec.builderFor(s).day("detected_at").build(),
                properties(config));
    }

    /** Creates or evolves the quality results table. */
    public static Table qualityResults(Catalog catalog, ReadableConfig config) {
        return IcebergTables.createOrEvolve(
                catalog,
                qualityResultsId(config),
                AvroIcebergSchemas.toIceberg(QualityResult.getClassSchema()),
                s -> PartitionSpec.builderFor(s).day("detected_at").build(),
                properties(config));
    }

    /** Creates or evolves the quarantine table. */
    public static Table quarantine(Catalog catalog, ReadableConfig config) {
        return IcebergTables.quarantine(
                catalog,
                quarantineId(config),
                config.get(QualityAsyncOptions.ICEBERG_TARGET_FILE_SIZE));
    }

    private static Map<String, String> properties(ReadableConfig config) {
        return IcebergTables.standardProperties(
                config.get(QualityAsyncOptions.ICEBERG_TARGET_FILE_SIZE));
    }
}
