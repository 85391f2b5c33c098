package io.strata.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSummaryTest {

    @TempDir Path dir;

    /**
     * A real recording of this JVM while this class computes in a loop of its own (no JDK call
     * inside, so the sampled top frame is this class): its samples land on Strata. Sampling is
     * periodic, so a recording without any sample (a descheduled thread) is taken again.
     */
    @Test
    void attributesSamplesToTheFirstFrameOutsideTheJdk() throws Exception {
        ProfileSummary summary = null;
        for (int attempt = 0;
                attempt < 5 && (summary == null || summary.samples() == 0);
                attempt++) {
            Path file = dir.resolve("busy-" + attempt + ".jfr");
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
                recording.start();
                assertThat(busy(Duration.ofSeconds(1))).isNotZero();
                recording.stop();
                recording.dump(file);
            }
            summary = ProfileSummary.of(file);
        }

        assertThat(summary.samples()).isPositive();
        assertThat(summary.byLibrary()).containsKey("Strata");
        assertThat(summary.byLibrary().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(summary.samples());
        assertThat(summary.byThread()).containsKey(Thread.currentThread().getName());
        List<String> md = summary.markdown("busy.jfr");
        assertThat(md.get(0)).contains("CPU samples", "`busy.jfr`");
        assertThat(md).contains("| library (first frame outside the JDK) | share |");
    }

    @Test
    void saysSoWhenTheRecordingHoldsNoSamples() throws Exception {
        Path file = dir.resolve("empty.jfr");
        try (Recording recording = new Recording()) {
            recording.start();
            recording.stop();
            recording.dump(file);
        }

        ProfileSummary summary = ProfileSummary.of(file);

        assertThat(summary.samples()).isZero();
        assertThat(summary.markdown("empty.jfr"))
                .singleElement()
                .asString()
                .contains("no execution samples");
    }

    /** An xorshift loop in this class for at least {@code duration}; returns its last value. */
    private static long busy(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long x = 88172645463325252L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100_000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
        }
        return x;
    }
}
