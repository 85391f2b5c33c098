package io.strata.bronze.dedupe;

import io.strata.model.bronze.BronzeEvent;

/**
 * What dedupe remembers of the copy of a (tenant, event id) it let through. A Flink POJO rather
 * than a flag, so a later version can add fields and still restore the savepoints of this one (a
 * field added to a POJO is "compatible after migration"; a {@code Boolean} cannot grow). One long,
 * so state stays small on the hot path.
 */
public class SeenEvent {

    /** The accepted copy's event time, epoch milliseconds. */
    public long eventTime;

    public SeenEvent() {}

    static SeenEvent of(BronzeEvent accepted) {
        SeenEvent seen = new SeenEvent();
        seen.eventTime = accepted.getEventTime().toEpochMilli();
        return seen;
    }
}
