package io.strata.quality.sink;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.Uids;
import io.strata.common.iceberg.AvroToRowData;
import io.strata.common.iceberg.FlinkWriteResultTypeInfo;
import io.strata.common.iceberg.IcebergAppendSink;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.model.ops.Alert;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QualityResult;
import io.strata.model.ops.QuarantineRecord;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.FlinkSink;

/**
 * Writes the ops tables ({@link OpsTables}): the manifest upserted by manifest id through Iceberg's
 * {@link FlinkSink} in upsert mode (equality deletes), alerts, quality results and quarantine
 * appended; tables are created or evolved when the graph is built and committed on checkpoints.
 */
public final class IcebergQualitySinks implements QualitySinks {

    private final ReadableConfig config;
    private final CatalogLoader catalogLoader;

    public IcebergQualitySinks(ReadableConfig config) {
        this.config = config;
        this.catalogLoader = IcebergCatalogs.loader(config);
    }

    @Override
    public void manifest(DataStream<ManifestRecord> manifest, Uids uids) {
        FlinkWriteResultTypeInfo.register();
        TableIdentifier id = OpsTables.manifestId(config);
        Table table = OpsTables.manifest(catalogLoader.loadCatalog(), config);
        DataStream<RowData> rows =
                manifest.map(
                                new AvroToRowData<ManifestRecord>(
                                        ManifestRecord.getClassSchema(), table.schema()))
                        .uid(uids.of("iceberg-manifest-rows"))
                        .name("Rows for " + id);
        FlinkSink.forRowData(rows)
                .table(table)
                .tableLoader(TableLoader.fromCatalog(catalogLoader, id))
                .equalityFieldColumns(OpsTables.MANIFEST_KEY)
                .upsert(true)
                .toBranch(config.get(StrataOptions.ICEBERG_WRITE_BRANCH))
                .uidPrefix(uids.of("iceberg-manifest"))
                .append();
    }

    @Override
    public void alerts(DataStream<Alert> alerts, Uids uids) {
        IcebergAppendSink.append(
                alerts,
                Alert.getClassSchema(),
                OpsTables.alerts(catalogLoader.loadCatalog(), config),
                catalogLoader,
                OpsTables.alertsId(config),
                config.get(StrataOptions.ICEBERG_WRITE_BRANCH),
                uids,
                "iceberg-alerts");
    }

    @Override
    public void results(DataStream<QualityResult> results, Uids uids) {
        IcebergAppendSink.append(
                results,
                QualityResult.getClassSchema(),
                OpsTables.qualityResults(catalogLoader.loadCatalog(), config),
                catalogLoader,
                OpsTables.qualityResultsId(config),
                config.get(StrataOptions.ICEBERG_WRITE_BRANCH),
                uids,
                "iceberg-quality-results");
    }

    @Override
    public void quarantine(DataStream<QuarantineRecord> quarantine, Uids uids) {
        IcebergAppendSink.append(
                quarantine,
                QuarantineRecord.getClassSchema(),
                OpsTables.quarantine(catalogLoader.loadCatalog(), config),
                catalogLoader,
                OpsTables.quarantineId(config),
                config.get(StrataOptions.ICEBERG_WRITE_BRANCH),
                uids,
                "iceberg-quarantine");
    }
}
