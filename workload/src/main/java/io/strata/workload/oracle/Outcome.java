package io.strata.workload.oracle;

import io.strata.model.QuarantineReason;

/**
 * What the pipeline must do with one raw record.
 *
 * @param bronzeQuarantine the reason Bronze refuses it, or null
 * @param duplicate true when Bronze drops it as a copy of an accepted event id
 * @param late true when Bronze accepts it and must flag it late
 * @param silverQuarantine the reason silver-conform refuses it, or null
 */
public record Outcome(
        QuarantineReason bronzeQuarantine,
        boolean duplicate,
        boolean late,
        QuarantineReason silverQuarantine) {

    static final Outcome DUPLICATE = new Outcome(null, true, false, null);

    public boolean acceptedInBronze() {
        return bronzeQuarantine == null && !duplicate;
    }

    public boolean reachesSilver() {
        return acceptedInBronze() && silverQuarantine == null;
    }
}
