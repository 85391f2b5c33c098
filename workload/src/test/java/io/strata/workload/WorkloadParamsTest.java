package io.strata.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.model.QuarantineReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadParamsTest {

    @Test
    void unsetOptionsTakeTheirDefaults() {
        WorkloadParams p = WorkloadParams.fromMap(Map.of());

        assertThat(p).isEqualTo(WorkloadParams.defaults());
        assertThat(p.seed()).isEqualTo(42);
        assertThat(p.topic()).isEqualTo("raw.webhooks");
        assertThat(p.get(WorkloadOptions.MALFORMED_MIX)).isEqualTo(FaultMix.EVEN);
    }

    @Test
    void readsEveryKindOfValueFromFlags() {
        WorkloadParams p =
                WorkloadParams.fromMap(
                        Map.of(
                                "events", "1_000",
                                "duplicate-rate", "0.1",
                                "allowed-lateness", "PT20M",
                                "start-time", "2025-02-01T00:00:00Z",
                                "malformed-mix", "INVALID_JSON=3, NULL_KEY=1"));

        assertThat(p.events()).isEqualTo(1_000);
        assertThat(p.get(WorkloadOptions.DUPLICATE_RATE)).isEqualTo(0.1);
        assertThat(p.allowedLateness()).isEqualTo(Duration.ofMinutes(20));
        assertThat(p.get(WorkloadOptions.MALFORMED_MIX).share(QuarantineReason.INVALID_JSON))
                .isEqualTo(0.75);
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> WorkloadParams.fromMap(Map.of("evnts", "1")))
                .hasMessageContaining("Unknown workload option --evnts");
        assertThatThrownBy(() -> WorkloadParams.fromMap(Map.of("late-rate", "1.5")))
                .hasMessageContaining("late-rate must be within [0, 1]");
        assertThatThrownBy(
                        () ->
                                WorkloadParams.builder()
                                        .set(
                                                WorkloadOptions.MAX_OUT_OF_ORDERNESS,
                                                Duration.ofMinutes(6))
                                        .build())
                .hasMessageContaining("at most half of allowed-lateness");
        assertThatThrownBy(() -> WorkloadParams.fromMap(Map.of("malformed-mix", "POISON_AVRO=1")))
                .hasMessageContaining("cannot produce POISON_AVRO");
    }

    @Test
    void theReadmeDocumentsEveryOptionWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        for (WorkloadOption<?> o : WorkloadOptions.ALL) {
            assertThat(readme).as(o.key()).contains("| `" + o.key() + "` |");
        }
    }
}
