package io.strata.quality.reconcile;

/**
 * What one SILVER manifest record says it accounted for of one BRONZE window: the count and
 * checksum of its {@code lineage_counts} entry for that window. A Flink POJO, keyed by {@link
 * #bronzeId}.
 */
public class LineageClaim {

    /** The manifest id of the BRONZE window claimed. */
    public String bronzeId;

    /** The manifest id of the SILVER record claiming it. */
    public String claimant;

    public String tenant;
    public String source;

    /** How many of the window's records the claimant conformed or quarantined. */
    public long count;

    /** The sum of those records' checksum prefixes (mod 2^64). */
    public long checksum;

    public LineageClaim() {}

    public LineageClaim(
            String bronzeId,
            String claimant,
            String tenant,
            String source,
            long count,
            long checksum) {
        this.bronzeId = bronzeId;
        this.claimant = claimant;
        this.tenant = tenant;
        this.source = source;
        this.count = count;
        this.checksum = checksum;
    }
}
