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

    @Test
    void theLatencyRunIsPacedAtHalfTheMeasuredThroughputUnlessARateWasAskedFor() {
        assertThat(ChainSettings.DEFAULT.pacedAfter(474.6).latencyRate()).isEqualTo(237);
        assertThat(ChainSettings.DEFAULT.pacedAfter(0).latencyRate()).isEqualTo(1);
        ChainSettings asked =
                new ChainSettings(
                        true,
                        60,
                        5_000,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10));
        assertThat(asked.pacedAfter(474.6)).isSameAs(asked);
    }
}
