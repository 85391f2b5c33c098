package io.strata.gold;

import static org.assertj.core.api.Assertions.assertThat;

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
 * vault's first sightings and hash diffs, the features' history per customer).
 */
class GoldFeaturesUidsTest {

    private static final ReleasedUids RELEASED = ReleasedUids.of(GoldFeaturesTopology.JOB);

    @TempDir Path warehouse;

    @Test
    void theProductionGraphHasExactlyTheReleasedUids() {
        RELEASED.assertReleased(OperatorUids.of(GoldFeaturesJob.environment(config())));
    }

    @Test
    void withoutKafkaOutputItsUidsAreReleasedOnes() {
        Configuration config = config();
        config.set(GoldFeaturesOptions.KAFKA_OUTPUT_ENABLED, false);

        RELEASED.assertWithinReleased(OperatorUids.of(GoldFeaturesJob.environment(config)));
    }

    @Test
    void aTenantScopedReplayFiltersTheSilverRecordsByTheTenantInTheirKey() {
        Configuration config = config();
        config.set(GoldFeaturesOptions.KAFKA_OUTPUT_ENABLED, false);
        config.set(GoldFeaturesOptions.TENANTS, java.util.List.of("acme"));

        assertThat(OperatorUids.of(GoldFeaturesJob.environment(config)).uids())
                .contains(GoldFeaturesTopology.UIDS.of("only-tenants"));
    }

    private Configuration config() {
        Configuration config = new Configuration();
        config.set(StrataOptions.ICEBERG_WAREHOUSE, warehouse.toUri().toString());
        // The Kafka sinks create their topics while the graph is built.
        config.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, TestServices.kafka().bootstrapServers());
        return config;
    }
}
