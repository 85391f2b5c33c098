package io.strata.common.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.junit.jupiter.api.Test;

class StrataEnvironmentTest {

    @Test
    void rulesWinOverTheJobsConfigurationAndTheStrataIntervalApplies() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, true);
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, true);
        conf.set(StrataOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(3));

        Configuration ruled = StrataEnvironment.withRules(conf);

        assertThat(ruled.get(PipelineOptions.GENERIC_TYPES)).isFalse();
        assertThat(ruled.get(PipelineOptions.AUTO_GENERATE_UIDS)).isFalse();
        assertThat(ruled.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void flinksOwnIntervalKeyWins() {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMinutes(1));

        assertThat(
                        StrataEnvironment.withRules(conf)
                                .get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(Duration.ofMinutes(1));
    }
}
