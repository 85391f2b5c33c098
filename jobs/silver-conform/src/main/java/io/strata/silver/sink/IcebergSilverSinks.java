package io.strata.silver.sink;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.Uids;
import io.strata.common.iceberg.FlinkWriteResultTypeInfo;
import io.strata.common.iceberg.IcebergAppendSink;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.model.ops.QuarantineRecord;
import io.strata.silver.config.CanonicalEntity;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.FlinkSink;

/**
 * Writes Silver to Iceberg: each entity's table upserted by (tenant, business key) through
 * Iceberg's {@link FlinkSink} in upsert mode (equality deletes, format v2), the quarantine table
 * appended; tables are created or evolved when the graph is built and committed on checkpoints,
 * exactly once across restarts.
 */
public final class IcebergSilverSinks implements SilverSinks {

    private final ReadableConfig config;
    private final CatalogLoader catalogLoader;

    public IcebergSilverSinks(ReadableConfig config) {
        this.config = config;
        this.catalogLoader = IcebergCatalogs.loader(config);
    }

    @Override
    public void rows(
            CanonicalEntity entity,
            DataStream<SpecificRecordBase> rows,
            DataStream<SpecificRecordBase> superseded,
            Uids uids) {
        // The table holds each key's newest version: superseded ones stay out.
        FlinkWriteResultTypeInfo.register();
        TableIdentifier id = SilverTables.id(config, entity);
        Table table = SilverTables.entity(catalogLoader.loadCatalog(), config, entity);
        String operator = "iceberg-" + SilverSinks.uidName(entity);
        DataStream<RowData> rowData =
                rows.map(new SilverRowData(entity, table.schema()))
                        .uid(uids.of(operator + "-rows"))
                        .name("Rows for " + id);
        FlinkSink.forRowData(rowData)
                .table(table)
                .tableLoader(TableLoader.fromCatalog(catalogLoader, id))
                .equalityFieldColumns(SilverTables.keyColumns(entity))
                .upsert(true)
                .toBranch(config.get(StrataOptions.ICEBERG_WRITE_BRANCH))
                .uidPrefix(uids.of(operator))
                .append();
    }

    @Override
    public void quarantine(DataStream<QuarantineRecord> quarantine, Uids uids) {
        IcebergAppendSink.append(
                quarantine,
                QuarantineRecord.getClassSchema(),
                SilverTables.quarantine(catalogLoader.loadCatalog(), config),
                catalogLoader,
                SilverTables.quarantineId(config),
                config.get(StrataOptions.ICEBERG_WRITE_BRANCH),
                uids,
                "iceberg-quarantine");
    }
}
