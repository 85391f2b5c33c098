package io.strata.bronze.sink;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.Uids;
import io.strata.common.iceberg.IcebergAppendSink;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.QuarantineRecord;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.CatalogLoader;

/**
 * Writes Bronze to Iceberg: {@code bronze.events} and {@code bronze.quarantine}, created or evolved
 * when the graph is built, committed on checkpoints.
 */
public final class IcebergBronzeSinks implements BronzeSinks {

    private final ReadableConfig config;
    private final CatalogLoader catalogLoader;

    public IcebergBronzeSinks(ReadableConfig config) {
        this.config = config;
        this.catalogLoader = IcebergCatalogs.loader(config);
    }

    @Override
    public void events(DataStream<BronzeEvent> events, Uids uids) {
        Catalog catalog = catalogLoader.loadCatalog();
        IcebergAppendSink.append(
                events,
                BronzeEvent.getClassSchema(),
                BronzeTables.events(catalog, config),
                catalogLoader,
                BronzeTables.eventsId(config),
                config.get(StrataOptions.ICEBERG_WRITE_BRANCH),
                uids,
                "iceberg-events");
    }

    @Override
    public void quarantine(DataStream<QuarantineRecord> quarantine, Uids uids) {
        Catalog catalog = catalogLoader.loadCatalog();
        IcebergAppendSink.append(
                quarantine,
                QuarantineRecord.getClassSchema(),
                BronzeTables.quarantine(catalog, config),
                catalogLoader,
                BronzeTables.quarantineId(config),
                config.get(StrataOptions.ICEBERG_WRITE_BRANCH),
                uids,
                "iceberg-quarantine");
    }
}
