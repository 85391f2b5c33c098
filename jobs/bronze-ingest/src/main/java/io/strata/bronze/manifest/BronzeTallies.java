package io.strata.bronze.manifest;

import io.strata.common.manifest.ManifestTally;
import io.strata.common.manifest.ManifestTally.Outcome;
import io.strata.model.SourceCoordinates;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.QuarantineRecord;
import org.apache.flink.api.common.functions.MapFunction;

/** What the manifest counts of Bronze's three outcomes: accepted, duplicate, quarantined. */
public final class BronzeTallies {

    private BronzeTallies() {}

    /** Accepted events (after dedupe). */
    public static final class Accepted implements MapFunction<BronzeEvent, ManifestTally> {
        private static final long serialVersionUID = 1L;

        @Override
        public ManifestTally map(BronzeEvent e) {
            return of(e, Outcome.ACCEPTED);
        }
    }

    /** Copies dropped by dedupe. */
    public static final class Duplicate implements MapFunction<BronzeEvent, ManifestTally> {
        private static final long serialVersionUID = 1L;

        @Override
        public ManifestTally map(BronzeEvent e) {
            return of(e, Outcome.DUPLICATE);
        }
    }

    /** Refused records. */
    public static final class Quarantined implements MapFunction<QuarantineRecord, ManifestTally> {
        private static final long serialVersionUID = 1L;

        @Override
        public ManifestTally map(QuarantineRecord q) {
            SourceCoordinates s = q.getSource();
            return new ManifestTally(
                    q.getTenantId(),
                    s.getTopic(),
                    Outcome.QUARANTINED,
                    q.getEventTime() == null ? Long.MIN_VALUE : q.getEventTime().toEpochMilli(),
                    false,
                    s.getPartition(),
                    s.getOffset(),
                    prefix(q.getRawSha256()));
        }
    }

    private static ManifestTally of(BronzeEvent e, Outcome outcome) {
        SourceCoordinates s = e.getSource();
        return new ManifestTally(
                e.getTenantId(),
                s.getTopic(),
                outcome,
                e.getEventTime().toEpochMilli(),
                e.getLate(),
                s.getPartition(),
                s.getOffset(),
                prefix(e.getChecksum()));
    }

    /** The first 8 bytes of a hex SHA-256. */
    static long prefix(String sha256Hex) {
        return sha256Hex != null && sha256Hex.length() >= 16
                ? Long.parseUnsignedLong(sha256Hex.substring(0, 16), 16)
                : 0L;
    }
}
