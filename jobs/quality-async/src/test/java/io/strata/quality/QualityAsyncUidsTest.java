package io.strata.quality;

import io.strata.common.config.StrataOptions;
import io.strata.testing.TestServices;
import io.strata.testing.uids.OperatorUids;
import io.strata.testing.uids.ReleasedUids;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graph {@code main} runs keeps the released uids, so savepoints of earlier jars restore (the
 * reconciliation windows, baselines and identity claims). Switching rules off keeps the graph.
 */
class QualityAsyncUidsTest {

    @TempDir Path warehouse;

    @Test
    void theProductionGraphHasExactlyTheReleasedUids() {
        Configuration config = new Configuration();
        config.set(StrataOptions.ICEBERG_WAREHOUSE, warehouse.toUri().toString());
        // The Kafka sinks create their topics while the graph is built.
        config.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, TestServices.kafka().bootstrapServers());

        ReleasedUids.of(QualityAsyncTopology.JOB)
                .assertReleased(OperatorUids.of(QualityAsyncJob.environment(config)));
    }
}
