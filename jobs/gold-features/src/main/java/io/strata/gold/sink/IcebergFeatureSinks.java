package io.strata.gold.sink;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.Uids;
import io.strata.common.iceberg.AvroToRowData;
import io.strata.common.iceberg.FlinkWriteResultTypeInfo;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.gold.features.FeatureSinks;
import io.strata.model.gold.CustomerFeatures;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.FlinkSink;

/**
 * Writes the features to Iceberg ({@link FeatureTables}) through Iceberg's {@link FlinkSink} in
 * upsert mode: a row replaces the table's row of the same key (equality deletes), so corrections
 * and {@code valid_to} updates overwrite, and a replay of the same rows adds nothing. Tables are
 * created or evolved when the graph is built and committed on checkpoints, exactly once across
 * restarts.
 */
public final class IcebergFeatureSinks implements FeatureSinks {

    private final ReadableConfig config;
    private final CatalogLoader catalogLoader;

    public IcebergFeatureSinks(ReadableConfig config) {
        this.config = config;
        this.catalogLoader = IcebergCatalogs.loader(config);
    }

    @Override
    public void history(DataStream<CustomerFeatures> rows, Uids uids) {
        upsert(rows, FeatureTables.HISTORY, uids, "features-iceberg-history");
    }

    @Override
    public void current(DataStream<CustomerFeatures> rows, Uids uids) {
        upsert(rows, FeatureTables.CURRENT, uids, "features-iceberg-current");
    }

    private void upsert(
            DataStream<CustomerFeatures> rows, FeatureTables target, Uids uids, String operator) {
        FlinkWriteResultTypeInfo.register();
        TableIdentifier id = target.id(config);
        Table table = target.createOrEvolve(catalogLoader.loadCatalog(), config);
        DataStream<RowData> rowData =
                rows.map(
                                new AvroToRowData<CustomerFeatures>(
                                        CustomerFeatures.getClassSchema(), table.schema()))
                        .uid(uids.of(operator + "-rows"))
                        .name("Rows for " + id);
        FlinkSink.forRowData(rowData)
                .table(table)
                .tableLoader(TableLoader.fromCatalog(catalogLoader, id))
                .equalityFieldColumns(target.keyColumns())
                .upsert(true)
                .toBranch(config.get(StrataOptions.ICEBERG_WRITE_BRANCH))
                .uidPrefix(uids.of(operator))
                .append();
    }
}
