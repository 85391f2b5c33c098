package io.strata.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import io.strata.common.lineage.LineageDataset;
import io.strata.common.lineage.LineageOptions;
import io.strata.common.lineage.LineageRun;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** quality-async's lineage names what it reads and writes, and is off without a URL. */
class QualityAsyncLineageTest {

    @Test
    void namesTheManifestAndSilverTopicsInAndTheOpsTablesAndAlertsTopicOut() {
        Configuration config = new Configuration();
        config.set(LineageOptions.URL, "http://lineage.example:5000");
        config.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, "kafka-1:9092,kafka-2:9092");
        config.set(StrataOptions.ICEBERG_WAREHOUSE, "s3://lake/warehouse");
        config.set(QualityAsyncOptions.ALERTS_TOPIC, "ops.alerts.v2");

        LineageRun run = QualityAsyncJob.lineage(config).orElseThrow();

        assertThat(run.job()).isEqualTo("quality-async");
        assertThat(run.inputs())
                .containsExactly(
                        new LineageDataset("kafka://kafka-1:9092", "ops.manifest"),
                        new LineageDataset("kafka://kafka-1:9092", "silver.customer"),
                        new LineageDataset("kafka://kafka-1:9092", "silver.product"),
                        new LineageDataset("kafka://kafka-1:9092", "silver.order"),
                        new LineageDataset("kafka://kafka-1:9092", "silver.order_line"),
                        new LineageDataset("kafka://kafka-1:9092", "silver.invoice"),
                        new LineageDataset("kafka://kafka-1:9092", "silver.shipment"),
                        new LineageDataset("kafka://kafka-1:9092", "silver.support_ticket"),
                        new LineageDataset("kafka://kafka-1:9092", "silver.product_return"));
        assertThat(run.outputs())
                .containsExactly(
                        new LineageDataset("s3://lake", "warehouse/ops/manifest"),
                        new LineageDataset("s3://lake", "warehouse/ops/quality_results"),
                        new LineageDataset("s3://lake", "warehouse/ops/alerts"),
                        new LineageDataset("s3://lake", "warehouse/ops/quarantine"),
                        new LineageDataset("kafka://kafka-1:9092", "ops.alerts.v2"));
        assertThat(run.icebergOutputs())
                .containsExactly(
                        "ops.manifest", "ops.quality_results", "ops.alerts", "ops.quarantine");
    }

    @Test
    void isOffWithoutAUrl() {
        assertThat(QualityAsyncJob.lineage(new Configuration())).isEmpty();
        Configuration blank = new Configuration();
        blank.set(LineageOptions.URL, " ");
        assertThat(QualityAsyncJob.lineage(blank)).isEmpty();
    }
}
