package io.strata.silver.state;

/**
 * v2 (upgrade-test fixture): v1 plus {@link #previousHashDiff}. Versions restored from v1 have it
 * null.
 *
 * <p>v1: The version of a Silver row the sequencer last applied: its event time and source position
 * (the order of updates), its hash diff (whether content changed) and whether it is a tombstone. A
 * Flink POJO in keyed state; new fields must get defaults, so savepoints stay readable.
 */
public class RowVersion {

    public long eventTime;
    public String sourceTopic;
    public int sourcePartition;
    public long sourceOffset;
    public String hashDiff;
    public boolean deleted;

    /**
     * New in v2: the hash diff of the row's content before this version's: the previous version's
     * own when this one changes the content, else carried over from the previous version.
     */
    public String previousHashDiff;

    public RowVersion() {}

    static RowVersion of(SilverChange c) {
        RowVersion v = new RowVersion();
        v.eventTime = c.eventTime;
        v.sourceTopic = c.sourceTopic;
        v.sourcePartition = c.sourcePartition;
        v.sourceOffset = c.sourceOffset;
        v.hashDiff = c.hashDiff;
        v.deleted = c.deleted;
        return v;
    }

    /**
     * Whether this version comes after {@code other}: by event time, then source position (topic,
     * partition, offset). The same Bronze record read twice is not newer than itself, which makes
     * replays and duplicates no-ops.
     */
    boolean isNewerThan(RowVersion other) {
        if (eventTime != other.eventTime) {
            return eventTime > other.eventTime;
        }
        int byTopic = sourceTopic.compareTo(other.sourceTopic);
        if (byTopic != 0) {
            return byTopic > 0;
        }
        if (sourcePartition != other.sourcePartition) {
            return sourcePartition > other.sourcePartition;
        }
        return sourceOffset > other.sourceOffset;
    }

    /** This version after {@code previous} (null: none): sets {@link #previousHashDiff}. */
    RowVersion after(RowVersion previous) {
        if (previous != null) {
            previousHashDiff = changes(previous) ? previous.hashDiff : previous.previousHashDiff;
        }
        return this;
    }

    /** Whether applying this version changes what Silver holds for the row. */
    boolean changes(RowVersion previous) {
        return previous == null
                || previous.deleted != deleted
                || !previous.hashDiff.equals(hashDiff);
    }

    @Override
    public String toString() {
        return (deleted ? "tombstone@" : "row@")
                + eventTime
                + " "
                + sourceTopic
                + "/"
                + sourcePartition
                + "@"
                + sourceOffset
                + " "
                + hashDiff;
    }
}
