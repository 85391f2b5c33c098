package io.strata.silver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.bronze.BronzeEvent;
import io.strata.silver.testing.BronzeEvents;
import io.strata.silver.testing.TenantFiles;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.raw.RawStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures extraction throughput per tenant, schema version and record type on generated valid
 * records (parse of the Bronze payload included), after a warm-up, on one thread, and prints a
 * table. Opt-in, as timing on a shared 2-core machine says little inside a unit-test run: {@code
 * mvn -o test -pl jobs/silver-conform -Dtest=ExtractionThroughputTest -Dthroughput.seconds=3}.
 */
@EnabledIfSystemProperty(named = "throughput.seconds", matches = ".+")
class ExtractionThroughputTest {

    @Test
    void measuresRecordsPerSecondPerRecordType() {
        Map<String, List<BronzeEvent>> byType = validRecords();
        SilverExtractor extractor = TenantFiles.extractor();
        double seconds = Double.parseDouble(System.getProperty("throughput.seconds"));
        byType.values().forEach(events -> run(extractor, events, seconds / 2));
        StringBuilder table =
                new StringBuilder(
                        String.format(
                                "%-30s %12s %12s %6s%n",
                                "tenant version record type", "rec/cpu-s", "rec/wall-s", "rows"));
        Map<String, Double> rates = new TreeMap<>();
        byType.forEach(
                (type, events) -> {
                    double[] r = run(extractor, events, seconds);
                    rates.put(type, r[0]);
                    table.append(
                            String.format("%-30s %,12.0f %,12.0f %6.1f%n", type, r[0], r[1], r[2]));
                });
        System.out.print(table);
        assertThat(rates).hasSize(20);
    }

    /** Records per second of this thread's CPU time (robust on a shared machine) and wall time. */
    private static double[] run(
            SilverExtractor extractor, List<BronzeEvent> events, double seconds) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long n = 0;
        long rows = 0;
        long start = System.nanoTime();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (BronzeEvent e : events) {
                Extraction x = extractor.extract(e, BronzeEvents.PROCESSED_AT);
                rows += x instanceof Extraction.Rows r ? r.rows().size() : -1_000_000;
                n++;
            }
        }
        assertThat(rows).isPositive();
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new double[] {
            n / cpuSeconds, n / ((System.nanoTime() - start) / 1e9), (double) rows / n
        };
    }

    /** Valid, non-delete records by "tenant version type". */
    private static Map<String, List<BronzeEvent>> validRecords() {
        WorkloadParams params =
                WorkloadParams.builder()
                        .seed(5)
                        .events(3_000)
                        .set(WorkloadOptions.CUSTOMERS, 500)
                        .set(WorkloadOptions.PRODUCTS, 200)
                        .set(WorkloadOptions.FLOW_TIME_SCALE, 0.01)
                        .set(WorkloadOptions.MALFORMED_RATE, 0.0)
                        .set(WorkloadOptions.DUPLICATE_RATE, 0.0)
                        .build();
        Map<String, List<BronzeEvent>> out = new TreeMap<>();
        for (RawStream s = new RawStream(params); s.hasNext(); ) {
            RawRecord r = s.next();
            BronzeEvent e = BronzeEvents.fromRaw(r);
            if (e.getOp() != io.strata.model.bronze.Operation.DELETE) {
                String type =
                        e.getTenantId() + " " + e.getSchemaVersion() + " " + e.getRecordType();
                out.computeIfAbsent(type, t -> new ArrayList<>()).add(e);
            }
        }
        return out;
    }
}
