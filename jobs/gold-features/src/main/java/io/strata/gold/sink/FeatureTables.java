package io.strata.gold.sink;

import io.strata.common.iceberg.AvroIcebergSchemas;
import io.strata.common.iceberg.IcebergTables;
import io.strata.gold.GoldFeaturesOptions;
import io.strata.model.gold.CustomerFeatures;
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
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The two feature tables, columns from {@link CustomerFeatures}, format v2 with identifier fields
 * for upserts, partitioned by tenant (a partition column must be part of the upsert key): the
 * current row per customer, and every row by its {@code valid_from}.
 */
public enum FeatureTables {
    CURRENT("customer_features", List.of("tenant_id", "customer_key")),
    HISTORY("customer_features_history", List.of("tenant_id", "customer_key", "valid_from"));

    private final String tableName;
    private final List<String> keyColumns;

    FeatureTables(String tableName, List<String> keyColumns) {
        this.tableName = tableName;
        this.keyColumns = keyColumns;
    }

    /** The upsert key columns. */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /** {@code <gold.iceberg.namespace>.<table>}. */
    public TableIdentifier id(ReadableConfig config) {
        return TableIdentifier.of(
                Namespace.of(config.get(GoldFeaturesOptions.NAMESPACE).split("\\.")), tableName);
    }

    /** The table's schema, with the upsert key as Iceberg identifier fields. */
    public Schema schema() {
        Schema derived = AvroIcebergSchemas.toIceberg(CustomerFeatures.getClassSchema());
        Set<Integer> identifiers = new HashSet<>();
        keyColumns.forEach(c -> identifiers.add(derived.findField(c).fieldId()));
        return new Schema(derived.columns(), identifiers);
    }

    /** Creates the table or evolves it additively. */
    public Table createOrEvolve(Catalog catalog, ReadableConfig config) {
        Map<String, String> properties =
                new HashMap<>(
                        IcebergTables.standardProperties(
                                config.get(GoldFeaturesOptions.TARGET_FILE_SIZE)));
        properties.put(TableProperties.UPSERT_ENABLED, "true");
        return IcebergTables.createOrEvolve(
                catalog,
                id(config),
                schema(),
                s -> PartitionSpec.builderFor(s).identity("tenant_id").build(),
                properties);
    }
}
