package io.strata.common.manifest;

/**
 * What the manifest needs to know of one record that a layer accepted, dropped as a duplicate or
 * quarantined. A Flink POJO; small, so a per-record copy is cheap to ship to the tallying operator.
 */
public class ManifestTally {

    /** What became of the record. */
    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        QUARANTINED
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
}
