package io.strata.bronze.manifest;

import io.strata.common.manifest.ManifestTally;
import io.strata.common.manifest.ManifestTally.Outcome;
import io.strata.model.bronze.BronzeEvent;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * What the manifest counts of Bronze's accepted ({@link StampManifestIds}) and duplicate events;
 * quarantined ones are common's {@link io.strata.common.manifest.QuarantineTallies}.
 */
public final class BronzeTallies {

    private BronzeTallies() {}

    /** Copies dropped by dedupe. */
    public static final class Duplicate implements MapFunction<BronzeEvent, ManifestTally> {
        private static final long serialVersionUID = 1L;

        @Override
        public ManifestTally map(BronzeEvent e) {
            return ManifestTally.of(e, Outcome.DUPLICATE);
        }
    }
}
