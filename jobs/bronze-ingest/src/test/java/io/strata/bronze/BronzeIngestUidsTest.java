package io.strata.bronze;

import io.strata.common.config.StrataOptions;
import io.strata.testing.TestServices;
import io.strata.testing.uids.OperatorUids;
import io.strata.testing.uids.ReleasedUids;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph {@code main} runs keeps the released uids, so savepoints of earlier jars restore. */
class BronzeIngestUidsTest {

    private static final ReleasedUids RELEASED = ReleasedUids.of(BronzeIngestTopology.JOB);

    @TempDir Path warehouse;

    @Test
    void theProductionGraphHasExactlyTheReleasedUids() {
        RELEASED.assertReleased(OperatorUids.of(BronzeIngestJob.environment(config())));
    }

    @Test
    void withoutKafkaOutputItsUidsAreReleasedOnes() {
        Configuration config = config();
        config.set(BronzeIngestOptions.KAFKA_OUTPUT_ENABLED, false);

        RELEASED.assertWithinReleased(OperatorUids.of(BronzeIngestJob.environment(config)));
    }

    private Configuration config() {
        Configuration config = new Configuration();
        config.set(StrataOptions.ICEBERG_WAREHOUSE, warehouse.toUri().toString());
        // The graph is built as main builds it: with the tenant controls read from Kafka.
        config.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, TestServices.kafka().bootstrapServers());
        return config;
    }
}
