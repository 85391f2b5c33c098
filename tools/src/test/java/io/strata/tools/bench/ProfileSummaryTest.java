package io.strata.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSummaryTest {

    @TempDir Path dir;

    /** A real recording of this JVM while this class hashes: its samples land on Strata. */
    @Test
    void attributesSamplesToTheFirstFrameOutsideTheJdk() throws Exception {
        Path file = dir.resolve("busy.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            long hashes = busy(Duration.ofSeconds(1));
            recording.stop();
            recording.dump(file);
            assertThat(hashes).isPositive();
        }

        ProfileSummary summary = ProfileSummary.of(file);

        assertThat(summary.samples()).isPositive();
        // SHA-256's own frames count as such; the loop around them is this class's.
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

    private static long busy(Duration duration) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] data = new byte[4096];
        long end = System.nanoTime() + duration.toNanos();
        long n = 0;
        while (System.nanoTime() < end) {
            data[(int) (n % data.length)] ^= sha.digest(data)[0];
            n++;
        }
        return n;
    }
}
