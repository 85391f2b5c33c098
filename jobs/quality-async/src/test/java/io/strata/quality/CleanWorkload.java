package io.strata.quality;

import io.strata.quality.silver.SilverTopic;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.oracle.SilverAvroRows;
import io.strata.workload.oracle.SilverChangeLog;
import io.strata.workload.oracle.SilverVersion;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A clean generated workload (no malformed records) as the Silver rows silver-conform publishes for
 * it, in publishing order: the oracle's change log ({@link SilverChangeLog}) as Avro. The same
 * workload feeds the rules' clean-input tests and the ITCase.
 */
public final class CleanWorkload {

    /** One published row version and its topic. */
    public record Row(SilverTopic topic, String key, SpecificRecordBase row) {}

    private CleanWorkload() {}

    /** The default size: 4,000 events at the generator's default 10 s arrival interval. */
    public static List<Row> rows() {
        WorkloadParams params =
                WorkloadParams.builder()
                        .seed(7)
                        .events(4_000)
                        .set(WorkloadOptions.CUSTOMERS, 400)
                        .set(WorkloadOptions.PRODUCTS, 100)
                        .set(WorkloadOptions.ARRIVAL_INTERVAL, Duration.ofSeconds(10))
                        .set(WorkloadOptions.MALFORMED_RATE, 0.0)
                        .build();
        Workload workload = Workload.of(params);
        SilverChangeLog log = new SilverChangeLog();
        Oracle.compute(workload.records(), workload.oracleOptions(), log);
        return log.versions().stream()
                .map(v -> new Row(topic(v), v.key(), SilverAvroRows.of(v)))
                .toList();
    }

    private static SilverTopic topic(SilverVersion v) {
        return SilverTopic.valueOf(v.entity().name());
    }
}
