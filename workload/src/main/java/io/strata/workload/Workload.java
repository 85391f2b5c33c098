package io.strata.workload;

import io.strata.workload.oltp.OltpWorkload;
import io.strata.workload.oracle.Expectation;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.oracle.OracleOptions;
import io.strata.workload.raw.RawStream;

/**
 * One deterministic workload: the raw-topic records, the OLTP changes, and the oracle's expectation
 * of every layer, all from the same {@link WorkloadParams}. Each call starts a fresh sequence, so
 * the same workload can be rendered for a test, sent to Kafka and checked by the oracle
 * independently.
 */
public final class Workload {

    private final WorkloadParams params;

    private Workload(WorkloadParams params) {
        this.params = params;
    }

    public static Workload of(WorkloadParams params) {
        return new Workload(params);
    }

    public WorkloadParams params() {
        return params;
    }

    /** The raw records, rendered without any Kafka. */
    public RawStream records() {
        return new RawStream(params);
    }

    /** The OLTP seed rows and change sequence for Postgres. */
    public OltpWorkload oltp() {
        return new OltpWorkload(params);
    }

    /** The oracle's options for this workload: default gates, its out-of-orderness and lateness. */
    public OracleOptions oracleOptions() {
        return OracleOptions.defaults(
                params.get(WorkloadOptions.MAX_OUT_OF_ORDERNESS), params.allowedLateness());
    }

    /** What Bronze and Silver must contain once the pipeline has processed {@link #records()}. */
    public Expectation expectation() {
        return Oracle.compute(records(), oracleOptions());
    }

    /** An upper estimate of {@link #records()}' size, for progress reports. */
    public long expectedRecords() {
        return (long) Math.ceil(params.events() * (1 + params.get(WorkloadOptions.DUPLICATE_RATE)));
    }
}
