package io.strata.bronze.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.testing.FlinkMiniCluster;
import io.strata.testing.TestServices;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oltp.OltpChange;
import io.strata.workload.oltp.OltpWorkload;
import io.strata.workload.oltp.PostgresOltpApplier;
import io.strata.workload.progress.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast the capture snapshots and streams on this machine; off unless asked for ({@code
 * -Dstrata.cdc.rate.customers=20000 [-Dstrata.cdc.rate.changes=20000]}, customers per tenant).
 * Times include the checkpoint that makes the records visible.
 */
@EnabledIfSystemProperty(named = "strata.cdc.rate.customers", matches = "\\d+")
class CdcCaptureRateITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @Test
    void snapshotAndStreamingRates(@TempDir Path savepoints) throws Exception {
        int customers = Integer.getInteger("strata.cdc.rate.customers");
        int changes = Integer.getInteger("strata.cdc.rate.changes", 20_000);
        OltpWorkload oltp =
                Workload.of(
                                WorkloadParams.builder()
                                        .seed(5)
                                        .set(WorkloadOptions.OLTP_CUSTOMERS, customers)
                                        .set(WorkloadOptions.OLTP_PRODUCTS, customers / 5)
                                        .set(WorkloadOptions.OLTP_CHANGES, changes)
                                        .build())
                        .oltp();
        List<OltpChange> seed = oltp.seed();
        TestServices.postgres();
        TestServices.kafka();
        long t0 = System.nanoTime();
        try (CaptureRun run = new CaptureRun(seed)) {
            report("seed insert (JDBC, batches of 500)", seed.size(), t0);
            Map<String, Integer> expected = run.recordsFor(seed.iterator());
            long t1 = System.nanoTime();
            run.start();
            try (CdcTopicReader reader =
                    new CdcTopicReader(run.bootstrapServers(), run.topics(), false)) {
                reader.awaitCounts(expected, TIMEOUT, Duration.ZERO);
                report("snapshot, submit to visible", seed.size(), t1);
                assertThat(reader.counts()).isEqualTo(CdcTopicReader.asLongs(expected));

                // The changes pile up in the slot while the job is stopped, so the restart
                // measures how fast the capture drains WAL, not how fast JDBC writes.
                String savepoint = run.stopWithSavepoint(savepoints);
                run.recordsFor(oltp.changes())
                        .forEach((t, n) -> expected.merge(t, n, Integer::sum));
                long t2 = System.nanoTime();
                try (PostgresOltpApplier applier =
                        PostgresOltpApplier.connect(run.db.jdbcUrl(), null, null)) {
                    applier.applyChanges(oltp, 500, 0, ProgressListener.NONE);
                }
                report("changes applied (JDBC), job stopped", oltp.changeCount(), t2);
                long t3 = System.nanoTime();
                run.restartFrom(savepoint);
                reader.awaitCounts(expected, TIMEOUT, Duration.ZERO);
                report("backlog, restart to visible", oltp.changeCount(), t3);
                assertThat(reader.counts()).isEqualTo(CdcTopicReader.asLongs(expected));
            }
        }
    }

    private static void report(String what, long rows, long since) {
        double seconds = (System.nanoTime() - since) / 1e9;
        System.out.printf(
                "CDC RATE %-36s %8d rows in %6.1f s = %8.0f rows/s%n",
                what, rows, seconds, rows / seconds);
    }
}
