package io.strata.workload.oracle;

import io.strata.model.QuarantineReason;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The layer rules the oracle applies. Which gate refuses which reason, and how lateness is scoped,
 * are pipeline design choices, so they are parameters; the defaults follow bronze-ingest as built:
 * envelope checks at Bronze, content checks (tenant and schema configuration, keys, types) at the
 * Silver door.
 *
 * @param bronzeGate reasons bronze-ingest refuses; every other fault passes Bronze and is refused
 *     by silver-conform
 * @param outOfOrderness with {@code allowedLateness}: a record is late when its event time is more
 *     than {@code outOfOrderness + allowedLateness} older than the newest event time Bronze has
 *     accepted before it in the same scope
 * @param lateReachesSilver whether late records (flagged in Bronze) still update Silver; when false
 *     silver-conform quarantines them as {@link QuarantineReason#LATE_BEYOND_TOLERANCE}
 * @param latenessPartitions 0: lateness is tracked per tenant; N: per partition of a raw topic with
 *     N partitions (records are keyed by tenant and placed like Kafka's default partitioner)
 */
public record OracleOptions(
        Set<QuarantineReason> bronzeGate,
        Duration outOfOrderness,
        Duration allowedLateness,
        boolean lateReachesSilver,
        int latenessPartitions) {

    /**
     * What bronze-ingest can check without any tenant configuration. Unknown tenants and schema
     * versions need the configuration, so silver-conform refuses them.
     */
    public static final Set<QuarantineReason> DEFAULT_BRONZE_GATE =
            EnumSet.of(
                    QuarantineReason.INVALID_JSON,
                    QuarantineReason.INVALID_UTF8,
                    QuarantineReason.MISSING_TENANT,
                    QuarantineReason.MISSING_EVENT_ID,
                    QuarantineReason.OVERSIZED_PAYLOAD);

    public OracleOptions {
        bronzeGate = Set.copyOf(bronzeGate);
        if (latenessPartitions < 0) {
            throw new IllegalArgumentException("latenessPartitions must be >= 0");
        }
    }

    public static OracleOptions defaults(Duration outOfOrderness, Duration allowedLateness) {
        return new OracleOptions(DEFAULT_BRONZE_GATE, outOfOrderness, allowedLateness, true, 0);
    }

    /** How far behind the newest event time a record may be without being late. */
    public Duration latenessHorizon() {
        return outOfOrderness.plus(allowedLateness);
    }

    public OracleOptions withBronzeGate(Set<QuarantineReason> gate) {
        return new OracleOptions(
                gate, outOfOrderness, allowedLateness, lateReachesSilver, latenessPartitions);
    }

    public OracleOptions withLateReachingSilver(boolean reaches) {
        return new OracleOptions(
                bronzeGate, outOfOrderness, allowedLateness, reaches, latenessPartitions);
    }

    /**
     * Tracks lateness per partition of a raw topic with this many partitions, as bronze-ingest
     * does.
     */
    public OracleOptions withLatenessPerPartition(int partitions) {
        return new OracleOptions(
                bronzeGate, outOfOrderness, allowedLateness, lateReachesSilver, partitions);
    }
}
