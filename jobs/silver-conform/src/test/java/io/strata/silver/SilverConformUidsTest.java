package io.strata.silver;

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
 * hash diffs of master data, held events, tenant rules in force).
 */
class SilverConformUidsTest {

    private static final ReleasedUids RELEASED = ReleasedUids.of(SilverConformTopology.JOB);

    @TempDir Path warehouse;

    @Test
    void theProductionGraphHasExactlyTheReleasedUids() {
        RELEASED.assertReleased(OperatorUids.of(SilverConformJob.environment(config())));
    }

    @Test
    void withoutKafkaOutputItsUidsAreReleasedOnes() {
        Configuration config = config();
        config.set(SilverConformOptions.KAFKA_OUTPUT_ENABLED, false);

        RELEASED.assertWithinReleased(OperatorUids.of(SilverConformJob.environment(config)));
    }

    private Configuration config() {
        Configuration config = new Configuration();
        config.set(StrataOptions.ICEBERG_WAREHOUSE, warehouse.toUri().toString());
        // The Kafka sinks create their topics while the graph is built.
        config.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, TestServices.kafka().bootstrapServers());
        return config;
    }
}
