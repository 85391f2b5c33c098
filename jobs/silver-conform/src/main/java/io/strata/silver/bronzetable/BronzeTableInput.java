package io.strata.silver.bronzetable;

import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.silver.SilverConformOptions;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.source.IcebergSource;

/**
 * Bronze's Iceberg events table as silver-conform's input, instead of the Bronze topics: the
 * permanent record, read once at one snapshot ({@link SilverConformOptions#BRONZE_TABLE_SNAPSHOT}).
 * A replay of Silver reads it when the Bronze topic's retention has dropped its beginning. With
 * {@link SilverConformOptions#TENANTS}, only those tenants' partitions are scanned.
 */
public final class BronzeTableInput {

    private final IcebergSource<RowData> source;
    private final Schema schema;
    private final String description;

    private BronzeTableInput(IcebergSource<RowData> source, Schema schema, String description) {
        this.source = source;
        this.schema = schema;
        this.description = description;
    }

    /** The input {@code config} asks for, if it names a Bronze table snapshot. */
    public static java.util.Optional<BronzeTableInput> of(ReadableConfig config) {
        return config.getOptional(SilverConformOptions.BRONZE_TABLE_SNAPSHOT)
                .map(snapshot -> at(config, snapshot));
    }

    private static BronzeTableInput at(ReadableConfig config, long snapshotId) {
        TableIdentifier id =
                TableIdentifier.parse(config.get(SilverConformOptions.REPROCESS_BRONZE_TABLE));
        Table table = IcebergCatalogs.load(config).loadTable(id);
        if (table.snapshot(snapshotId) == null) {
            throw new IllegalArgumentException(
                    SilverConformOptions.BRONZE_TABLE_SNAPSHOT.key()
                            + ": "
                            + id
                            + " has no snapshot "
                            + snapshotId
                            + " (expired?)");
        }
        List<String> tenants = config.get(SilverConformOptions.TENANTS);
        List<Expression> filters =
                tenants.isEmpty()
                        ? List.of()
                        : List.of(Expressions.in("tenant_id", tenants.toArray()));
        IcebergSource<RowData> source =
                IcebergSource.forRowData()
                        .tableLoader(TableLoader.fromCatalog(IcebergCatalogs.loader(config), id))
                        .streaming(false)
                        .useSnapshotId(snapshotId)
                        .filters(filters)
                        .build();
        return new BronzeTableInput(
                source,
                table.schemas().get(table.snapshot(snapshotId).schemaId()),
                id + "@" + snapshotId);
    }

    public IcebergSource<RowData> source() {
        return source;
    }

    /** The table's schema at the snapshot: the rows' layout. */
    public Schema schema() {
        return schema;
    }

    /** The rows' Flink type (Flink's own RowData serializer, no Kryo). */
    public TypeInformation<RowData> rowType() {
        return InternalTypeInfo.of(FlinkSchemaUtil.convert(schema));
    }

    /** The table and snapshot, e.g. {@code bronze.events@123}. */
    public String description() {
        return description;
    }
}
