package io.strata.bronze.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import io.strata.common.lineage.LineageDataset;
import io.strata.common.lineage.LineageOptions;
import io.strata.common.lineage.LineageRun;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** cdc-capture's lineage names the captured Postgres tables in and their topics out. */
class CdcCaptureLineageTest {

    @Test
    void namesThePostgresTablesInAndTheirTopicsOut() {
        Configuration config = new Configuration();
        config.set(LineageOptions.URL, "http://lineage.example:5000");
        config.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, "kafka-1:9093");
        config.set(CdcCaptureOptions.HOSTNAME, "oltp.internal");
        config.set(CdcCaptureOptions.PORT, 5433);
        config.set(CdcCaptureOptions.DATABASE, "app");
        config.set(CdcCaptureOptions.TABLES, List.of("platform.customers", "platform.price_.*"));

        LineageRun run = CdcCaptureJob.lineage(config).orElseThrow();

        assertThat(run.job()).isEqualTo("cdc-capture");
        assertThat(run.inputs())
                .containsExactly(
                        new LineageDataset(
                                "postgres://oltp.internal:5433", "app.platform.customers"));
        // Which tables a pattern matches is only known once they are written to: only the plain
        // table is named, in and out.
        assertThat(run.outputs())
                .containsExactly(
                        new LineageDataset("kafka://kafka-1:9093", "cdc.platform.customers"));
        assertThat(run.icebergOutputs()).isEmpty();
    }

    @Test
    void isOffWithoutAUrl() {
        assertThat(CdcCaptureJob.lineage(new Configuration())).isEmpty();
    }
}
