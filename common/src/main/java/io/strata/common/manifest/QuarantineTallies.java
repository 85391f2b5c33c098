package io.strata.common.manifest;

import io.strata.common.manifest.ManifestTally.Outcome;
import io.strata.model.SourceCoordinates;
import io.strata.model.ops.QuarantineRecord;
import org.apache.flink.api.common.functions.MapFunction;

/** The manifest tally of a quarantined record, for any layer: counted at its source coordinates. */
public final class QuarantineTallies implements MapFunction<QuarantineRecord, ManifestTally> {

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
                ManifestTally.checksumPrefix(q.getRawSha256()));
    }
}
