package io.strata.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChainSettingsTest {

    @Test
    void theThroughputRunsIdlenessIsAtLeastThreeCheckpointIntervals() {
        assertThat(ChainSettings.DEFAULT.throughputIdleness(Duration.ofSeconds(10)))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(
                        ChainSettings.DEFAULT
                                .withGoldIdleness(Duration.ofMinutes(2))
                                .throughputIdleness(Duration.ofSeconds(10)))
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(ChainSettings.DEFAULT.throughputIdleness(Duration.ofSeconds(1)))
                .as("the latency run's idleness when it is longer")
                .isEqualTo(ChainSettings.DEFAULT.goldIdleness());
    }
}
