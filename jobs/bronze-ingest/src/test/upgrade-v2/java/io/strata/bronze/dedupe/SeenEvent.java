package io.strata.bronze.dedupe;

import io.strata.model.bronze.BronzeEvent;

/**
 * v2 (upgrade-test fixture): v1's {@code SeenEvent} plus the accepted copy's checksum. Entries
 * restored from v1 have it null.
 */
public class SeenEvent {

    /** The accepted copy's event time, epoch milliseconds. */
    public long eventTime;

    /** New in v2: the accepted copy's checksum (hex SHA-256 of its raw bytes). */
    public String checksum;

    public SeenEvent() {}

    static SeenEvent of(BronzeEvent accepted) {
        SeenEvent seen = new SeenEvent();
        seen.eventTime = accepted.getEventTime().toEpochMilli();
        seen.checksum = accepted.getChecksum();
        return seen;
    }
}
