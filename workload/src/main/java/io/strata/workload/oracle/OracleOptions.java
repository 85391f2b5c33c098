package io.strata.workload.oracle;

import io.strata.model.QuarantineReason;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The layer rules the oracle applies. Which gate refuses which reason is the pipeline's design
 * choice, so it is a parameter here; the defaults are the envelope checks at Bronze and the content
 * checks (schema version, keys, types) at the Silver door.
 *
 * @param bronzeGate reasons bronze-ingest refuses; every other fault passes Bronze and is refused
 *     by silver-conform
 * @param allowedLateness a record is late when its event time is older than the newest event time
 *     Bronze accepted so far for its tenant minus this
 * @param lateReachesSilver whether late records (flagged in Bronze) still update Silver; when false
 *     silver-conform quarantines them as {@link QuarantineReason#LATE_BEYOND_TOLERANCE}
 */
public record OracleOptions(
        Set<QuarantineReason> bronzeGate, Duration allowedLateness, boolean lateReachesSilver) {

    /** The envelope-level checks a Bronze job can make without any tenant configuration. */
    public static final Set<QuarantineReason> DEFAULT_BRONZE_GATE =
            EnumSet.of(
                    QuarantineReason.INVALID_JSON,
                    QuarantineReason.INVALID_UTF8,
                    QuarantineReason.MISSING_TENANT,
                    QuarantineReason.MISSING_EVENT_ID,
                    QuarantineReason.OVERSIZED_PAYLOAD,
                    QuarantineReason.UNKNOWN_TENANT);

    public OracleOptions {
        bronzeGate = Set.copyOf(bronzeGate);
    }

    public static OracleOptions defaults(Duration allowedLateness) {
        return new OracleOptions(DEFAULT_BRONZE_GATE, allowedLateness, true);
    }

    public OracleOptions withBronzeGate(Set<QuarantineReason> gate) {
        return new OracleOptions(gate, allowedLateness, lateReachesSilver);
    }

    public OracleOptions withLateReachingSilver(boolean reaches) {
        return new OracleOptions(bronzeGate, allowedLateness, reaches);
    }
}
