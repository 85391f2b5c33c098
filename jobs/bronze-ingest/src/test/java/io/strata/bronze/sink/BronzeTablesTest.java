package io.strata.bronze.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bronze.BronzeIngestOptions;
import io.strata.bronze.BronzeIngestOptions.WriteDistribution;
import io.strata.common.config.StrataOptions;
import io.strata.common.iceberg.IcebergCatalogs;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BronzeTablesTest {

    @TempDir Path warehouse;

    @Test
    void eventsTableRecordsTheWriteDistributionAndASmallDictionaryLimit() {
        Configuration config = new Configuration();
        config.set(StrataOptions.ICEBERG_WAREHOUSE, warehouse.toUri().toString());
        Catalog catalog = IcebergCatalogs.load(config);

        Table created = BronzeTables.events(catalog, config);

        assertThat(created.properties())
                .containsEntry(TableProperties.WRITE_DISTRIBUTION_MODE, "none")
                .containsEntry(TableProperties.PARQUET_DICT_SIZE_BYTES, "262144");
        assertThat(created.spec().fields()).hasSize(2);

        // An operator who wants one file per partition again restarts the job with HASH.
        config.set(BronzeIngestOptions.ICEBERG_WRITE_DISTRIBUTION, WriteDistribution.HASH);
        Table evolved = BronzeTables.events(catalog, config);

        assertThat(evolved.properties())
                .containsEntry(TableProperties.WRITE_DISTRIBUTION_MODE, "hash");
    }
}
