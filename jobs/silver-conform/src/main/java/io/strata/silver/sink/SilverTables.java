package io.strata.silver.sink;

import io.strata.common.iceberg.AvroIcebergSchemas;
import io.strata.common.iceberg.IcebergTables;
import io.strata.silver.SilverConformOptions;
import io.strata.silver.config.CanonicalEntity;
import java.util.ArrayList;
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
 * The Silver tables: one per canonical entity, schema derived from its Avro class, format v2 with
 * the identifier (upsert) key {@code meta.tenant_id} + the entity's business key, partitioned by
 * tenant only (a partition column must be part of the upsert key, or an update that moved a row
 * between partitions would leave the old copy). The quarantine table is append-only, partitioned by
 * day and tenant.
 */
public final class SilverTables {

    /** The tenant column, nested in every entity's meta. */
    public static final String TENANT_COLUMN = "meta.tenant_id";

    private SilverTables() {}

    public static TableIdentifier id(ReadableConfig config, CanonicalEntity entity) {
        return TableIdentifier.of(
                Namespace.of(config.get(SilverConformOptions.ICEBERG_NAMESPACE).split("\\.")),
                entity.entityName());
    }

    public static TableIdentifier quarantineId(ReadableConfig config) {
        return TableIdentifier.parse(config.get(SilverConformOptions.ICEBERG_QUARANTINE_TABLE));
    }

    /** The upsert key columns: tenant, then the business key fields. */
    public static List<String> keyColumns(CanonicalEntity entity) {
        List<String> columns = new ArrayList<>();
        columns.add(TENANT_COLUMN);
        columns.addAll(entity.keyFields());
        return columns;
    }

    /** The entity's table schema, with the upsert key as Iceberg identifier fields. */
    public static Schema schema(CanonicalEntity entity) {
        Schema derived = AvroIcebergSchemas.toIceberg(entity.schema());
        Set<Integer> identifiers = new HashSet<>();
        keyColumns(entity).forEach(c -> identifiers.add(derived.findField(c).fieldId()));
        return new Schema(derived.columns(), identifiers);
    }

    /** Creates or evolves an entity's table. */
    public static Table entity(Catalog catalog, ReadableConfig config, CanonicalEntity entity) {
        Map<String, String> properties = new java.util.HashMap<>(properties(config));
        properties.put(TableProperties.UPSERT_ENABLED, "true");
        return IcebergTables.createOrEvolve(
                catalog,
                id(config, entity),
                schema(entity),
                s -> PartitionSpec.builderFor(s).identity(TENANT_COLUMN, "tenant_id").build(),
                properties);
    }

    /** Creates or evolves the quarantine table. */
    public static Table quarantine(Catalog catalog, ReadableConfig config) {
        return IcebergTables.quarantine(
                catalog,
                quarantineId(config),
                config.get(SilverConformOptions.ICEBERG_TARGET_FILE_SIZE));
    }

    private static Map<String, String> properties(ReadableConfig config) {
        return IcebergTables.standardProperties(
                config.get(SilverConformOptions.ICEBERG_TARGET_FILE_SIZE));
    }
}
