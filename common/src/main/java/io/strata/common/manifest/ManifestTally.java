package io.strata.common.manifest;

import io.strata.model.SourceCoordinates;
import io.strata.model.bronze.BronzeEvent;

/**
 * What the manifest needs to know of one record that a layer accepted, dropped as a duplicate or
 * quarantined. A Flink POJO; small, so a per-record copy is cheap to ship to the tallying operator.
 */
public class ManifestTally {

    /** What became of the record. */
    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        QUARANTINED,
        /** Held while its tenant is paused; tallied again with its outcome on release. */
        HELD
    }

    /** The tenant; {@link Manifests#UNATTRIBUTED} when nobody could tell. */
    public String tenant;

    /** The source system, e.g. the Kafka topic the record was read from. */
    public String source;

    public Outcome outcome;

    /** Event time in epoch millis; {@link Long#MIN_VALUE} when unknown. */
    public long eventTime;

    public boolean late;

    /** Kafka partition and offset of the record in {@link #source}; -1 when not from Kafka. */
    public int partition;

    public long offset;

    /** The first 8 bytes of the record's SHA-256, for an order-independent window checksum. */
    public long checksumPrefix;

    /** The manifest window the record was emitted in; {@link ManifestWindow#CURRENT} if unknown. */
    public long window = ManifestWindow.CURRENT;

    /** The manifest id of the previous layer that counted the record (lineage), or null. */
    public String parent;

    public ManifestTally() {}

    public ManifestTally(
            String tenant,
            String source,
            Outcome outcome,
            long eventTime,
            boolean late,
            int partition,
            long offset,
            long checksumPrefix) {
        this.tenant = tenant == null ? Manifests.UNATTRIBUTED : tenant;
        this.source = source;
        this.outcome = outcome;
        this.eventTime = eventTime;
        this.late = late;
        this.partition = partition;
        this.offset = offset;
        this.checksumPrefix = checksumPrefix;
    }

    /** The tally of a Bronze event, counted at its source coordinates. */
    public static ManifestTally of(BronzeEvent e, Outcome outcome) {
        SourceCoordinates s = e.getSource();
        return new ManifestTally(
                e.getTenantId(),
                s.getTopic(),
                outcome,
                e.getEventTime().toEpochMilli(),
                e.getLate(),
                s.getPartition(),
                s.getOffset(),
                checksumPrefix(e.getChecksum()));
    }

    /** The first 8 bytes of a hex SHA-256 as a number; 0 when there is none. */
    public static long checksumPrefix(String sha256Hex) {
        return sha256Hex != null && sha256Hex.length() >= 16
                ? Long.parseUnsignedLong(sha256Hex.substring(0, 16), 16)
                : 0L;
    }

    /** This tally in manifest window {@code window}. */
    public ManifestTally inWindow(long window) {
        this.window = window;
        return this;
    }

    /** This tally with the previous layer's manifest id of the record. */
    public ManifestTally withParent(String parent) {
        this.parent = parent;
        return this;
    }
}
