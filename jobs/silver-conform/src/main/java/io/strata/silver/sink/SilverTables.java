package io.strata.silver.sink;

import io.strata.common.iceberg.AvroIcebergSchemas;
import io.strata.common.iceberg.IcebergTables;
import io.strata.silver.SilverConformOptions;
import io.strata.silver.config.CanonicalEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.expressions.Expressions;

/**
 * The Silver tables: one per canonical entity, schema derived from its Avro class, format v2,
 * upserted by {@code meta.tenant_id} + the entity's business key (the sink's equality columns),
 * partitioned by tenant only (a partition column must be part of the upsert key, or an update that
 * moved a row between partitions would leave the old copy). The quarantine table is append-only,
 * partitioned by day and tenant.
 *
 * <p>Analysts read these tables with Flink SQL ({@code docs/analysts.md}). Iceberg's Flink catalog
 * turns identifier fields into a primary key and identity partition fields into partition keys, and
 * Flink allows neither on a nested column such as {@code meta.tenant_id}: a table with either
 * cannot even be planned. So the key is not declared as identifier fields (the sink is given it),
 * and the tenant partition is {@code truncate[256]}, which is the whole id of any tenant id up to
 * 256 characters and which the catalog does not map to a partition key. A table created with the
 * earlier layout is moved to this one; its data files keep their partitioning.
 */
public final class SilverTables {

    /** The tenant column, nested in every entity's meta. */
    public static final String TENANT_COLUMN = "meta.tenant_id";

    /** The partition field of the tenant. */
    static final String TENANT_PARTITION = "tenant_id";

    /** Characters of the tenant id the partition keeps: all of them, for any real tenant id. */
    static final int TENANT_WIDTH = 256;

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

    /** The entity's table schema: its Avro class's columns, no identifier fields. */
    public static Schema schema(CanonicalEntity entity) {
        return AvroIcebergSchemas.toIceberg(entity.schema());
    }

    /** The partitioning: by tenant, through a transform Flink's catalog leaves alone. */
    public static PartitionSpec partitioning(Schema schema) {
        return PartitionSpec.builderFor(schema)
                .truncate(TENANT_COLUMN, TENANT_WIDTH, TENANT_PARTITION)
                .build();
    }

    /** Creates or evolves an entity's table. */
    public static Table entity(Catalog catalog, ReadableConfig config, CanonicalEntity entity) {
        Map<String, String> properties = new java.util.HashMap<>(properties(config));
        properties.put(TableProperties.UPSERT_ENABLED, "true");
        Table table =
                IcebergTables.createOrEvolve(
                        catalog,
                        id(config, entity),
                        schema(entity),
                        SilverTables::partitioning,
                        properties);
        return readableByFlinkSql(table);
    }

    /**
     * Moves a table of the earlier layout (the key as identifier fields, an identity partition on
     * {@code meta.tenant_id}) to the current one; a table in it is returned as it is.
     */
    static Table readableByFlinkSql(Table table) {
        boolean changed = false;
        if (!table.schema().identifierFieldIds().isEmpty()) {
            table.updateSchema().setIdentifierFields(List.of()).commit();
            changed = true;
        }
        if (table.spec().fields().stream().anyMatch(f -> f.transform().isIdentity())) {
            table.updateSpec()
                    .removeField(TENANT_PARTITION)
                    .addField(TENANT_PARTITION, Expressions.truncate(TENANT_COLUMN, TENANT_WIDTH))
                    .commit();
            changed = true;
        }
        if (changed) {
            table.refresh();
        }
        return table;
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
