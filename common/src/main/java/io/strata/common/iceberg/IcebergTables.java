package io.strata.common.iceberg;

import io.strata.model.ops.QuarantineRecord;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.configuration.MemorySize;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a job's tables before it starts, or brings existing ones up to date: columns added to the
 * Avro definition are added to the table (as optional, Iceberg's rule for new columns), and the
 * given table properties are set. Nothing is ever dropped or narrowed.
 */
public final class IcebergTables {

    private static final Logger LOG = LoggerFactory.getLogger(IcebergTables.class);

    private IcebergTables() {}

    /** Creates the table if absent, otherwise evolves it additively; returns it loaded. */
    public static Table createOrEvolve(
            Catalog catalog,
            TableIdentifier id,
            Schema schema,
            Function<Schema, PartitionSpec> partitioning,
            Map<String, String> properties) {
        ensureNamespace(catalog, id);
        if (!catalog.tableExists(id)) {
            try {
                LOG.info("Creating Iceberg table {}", id);
                return catalog.createTable(id, schema, partitioning.apply(schema), properties);
            } catch (AlreadyExistsException e) {
                LOG.info("Iceberg table {} was created concurrently", id);
            }
        }
        Table table = catalog.loadTable(id);
        evolveSchema(table, schema);
        setProperties(table, properties);
        return table;
    }

    private static void ensureNamespace(Catalog catalog, TableIdentifier id) {
        if (catalog instanceof SupportsNamespaces namespaces
                && !id.namespace().isEmpty()
                && !namespaces.namespaceExists(id.namespace())) {
            try {
                namespaces.createNamespace(id.namespace());
            } catch (AlreadyExistsException e) {
                // Created concurrently by another job: fine.
            }
        }
    }

    private static void evolveSchema(Table table, Schema schema) {
        UpdateSchema update = table.updateSchema().unionByNameWith(schema);
        if (!update.apply().sameSchema(table.schema())) {
            LOG.info("Adding columns to Iceberg table {}: {}", table.name(), update.apply());
            update.commit();
            table.refresh();
        }
    }

    private static void setProperties(Table table, Map<String, String> properties) {
        UpdateProperties update = table.updateProperties();
        boolean changed = false;
        for (Map.Entry<String, String> p : properties.entrySet()) {
            if (!p.getValue().equals(table.properties().get(p.getKey()))
                    && !p.getKey().equals("format-version")) {
                update.set(p.getKey(), p.getValue());
                changed = true;
            }
        }
        if (changed) {
            update.commit();
            table.refresh();
        }
    }

    /**
     * The properties of every Strata table: format v2, the target file size, hash distribution
     * (fewer small files per checkpoint), and bounded metadata history.
     */
    public static Map<String, String> standardProperties(MemorySize targetFileSize) {
        return Map.of(
                TableProperties.FORMAT_VERSION,
                "2",
                TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
                Long.toString(targetFileSize.getBytes()),
                TableProperties.WRITE_DISTRIBUTION_MODE,
                TableProperties.WRITE_DISTRIBUTION_MODE_HASH,
                TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED,
                "true",
                TableProperties.METADATA_PREVIOUS_VERSIONS_MAX,
                "100");
    }

    /**
     * Creates or evolves a layer's quarantine table ({@link QuarantineRecord}), partitioned by day
     * of quarantine and tenant.
     */
    public static Table quarantine(Catalog catalog, TableIdentifier id, MemorySize targetFileSize) {
        return createOrEvolve(
                catalog,
                id,
                AvroIcebergSchemas.toIceberg(QuarantineRecord.getClassSchema()),
                s ->
                        PartitionSpec.builderFor(s)
                                .day("quarantined_at")
                                .identity("tenant_id")
                                .build(),
                standardProperties(targetFileSize));
    }
}
