package io.strata.gold.vault;

import io.strata.common.iceberg.AvroIcebergSchemas;
import io.strata.common.iceberg.IcebergTables;
import io.strata.gold.GoldFeaturesOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The vault's Iceberg tables: schema derived from each table's Avro class, format v2 with the
 * table's identifier as identifier fields (the upsert key), unpartitioned (a partition column must
 * be part of the upsert key, and a hash key spreads no better by tenant).
 */
public final class VaultTables {

    private VaultTables() {}

    /** The table in the namespace {@code gold.iceberg.namespace}. */
    public static TableIdentifier id(ReadableConfig config, VaultTable table) {
        return TableIdentifier.of(
                Namespace.of(config.get(GoldFeaturesOptions.NAMESPACE).split("\\.")),
                table.tableName());
    }

    /** The table's schema, with its identifier as Iceberg identifier fields. */
    public static Schema schema(VaultTable table) {
        Schema derived = AvroIcebergSchemas.toIceberg(table.schema());
        Set<Integer> identifiers = new HashSet<>();
        table.identifier().forEach(c -> identifiers.add(derived.findField(c).fieldId()));
        return new Schema(derived.columns(), identifiers);
    }

    /** Creates or evolves the table. */
    public static Table createOrEvolve(Catalog catalog, ReadableConfig config, VaultTable table) {
        Map<String, String> properties =
                new HashMap<>(
                        IcebergTables.standardProperties(
                                config.get(GoldFeaturesOptions.TARGET_FILE_SIZE)));
        properties.put(TableProperties.UPSERT_ENABLED, "true");
        return IcebergTables.createOrEvolve(
                catalog,
                id(config, table),
                schema(table),
                s -> PartitionSpec.unpartitioned(),
                properties);
    }
}
