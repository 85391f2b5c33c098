package io.strata.gold.vault;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.Uids;
import io.strata.common.iceberg.AvroToRowData;
import io.strata.common.iceberg.FlinkWriteResultTypeInfo;
import io.strata.common.iceberg.IcebergCatalogs;
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
 * Writes the vault to Iceberg: each table upserted by its identifier through Iceberg's {@link
 * FlinkSink} in upsert mode (equality deletes, format v2), so rows written again by a replay add
 * nothing. Tables are created or evolved when the graph is built ({@link VaultTables}); files are
 * committed on checkpoints, exactly once across restarts.
 */
public final class IcebergVaultSinks implements VaultSinks {

    private final ReadableConfig config;
    private final CatalogLoader catalogLoader;

    public IcebergVaultSinks(ReadableConfig config) {
        this.config = config;
        this.catalogLoader = IcebergCatalogs.loader(config);
    }

    @Override
    public <T extends SpecificRecordBase> void rows(
            VaultTable table, DataStream<T> rows, Uids uids) {
        FlinkWriteResultTypeInfo.register();
        TableIdentifier id = VaultTables.id(config, table);
        Table iceberg = VaultTables.createOrEvolve(catalogLoader.loadCatalog(), config, table);
        String operator = "vault-iceberg-" + table.uidName();
        DataStream<RowData> rowData =
                rows.map(new AvroToRowData<T>(table.schema(), iceberg.schema()))
                        .uid(uids.of(operator + "-rows"))
                        .name("Rows for " + id);
        FlinkSink.forRowData(rowData)
                .table(iceberg)
                .tableLoader(TableLoader.fromCatalog(catalogLoader, id))
                .equalityFieldColumns(table.identifier())
                .upsert(true)
                .toBranch(config.get(StrataOptions.ICEBERG_WRITE_BRANCH))
                .uidPrefix(uids.of(operator))
                .append();
    }
}
