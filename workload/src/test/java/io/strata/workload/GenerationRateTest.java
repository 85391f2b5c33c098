package io.strata.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.workload.raw.RawRecord;
import io.strata.workload.raw.RawStream;
import org.junit.jupiter.api.Test;

/**
 * Pure generation (truth, rendering, faults; no Kafka) with the default pool sizes. The target is
 * 200K records/s on one thread of an idle machine; the assertion is far looser so a busy build
 * machine does not fail it, and the measured rate is printed to the test output.
 */
class GenerationRateTest {

    @Test
    void rendersRecordsQuickly() {
        WorkloadParams params = WorkloadParams.builder().events(150_000).build();
        drain(new RawStream(params));

        long start = System.nanoTime();
        long records = drain(new RawStream(params));
        double perSecond = records * 1e9 / (System.nanoTime() - start);

        System.out.printf(
                "Generated %d records at %.0f records/s (short run, barely warm JVM)%n",
                records, perSecond);
        assertThat(perSecond).isGreaterThan(25_000);
    }

    private static long drain(RawStream stream) {
        long n = 0;
        long bytes = 0;
        while (stream.hasNext()) {
            RawRecord r = stream.next();
            bytes += r.value().length;
            n++;
        }
        assertThat(bytes).isPositive();
        return n;
    }
}
