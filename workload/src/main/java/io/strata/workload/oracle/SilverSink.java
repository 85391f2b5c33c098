package io.strata.workload.oracle;

import io.strata.workload.truth.TruthEvent;

/**
 * Receives every event that reaches Silver, in the order the pipeline receives them. The Silver
 * projection is one sink; {@link SilverChangeLog} (what Silver publishes, which Gold reads) is
 * another, passed to {@link Oracle#compute}.
 */
public interface SilverSink {

    /** {@code position} orders events with equal event times (the record's place in the stream). */
    void accept(TruthEvent event, long position);
}
