package io.strata.quality.reconcile;

/**
 * One piece of evidence about a SILVER manifest window, keyed by its manifest id ({@link
 * #silverId}): a row the window wrote, as read back from its Silver topic ({@link Kind#ROW}); what
 * one GOLD manifest record says it read of the window's rows on one topic ({@link
 * Kind#GOLD_CLAIM}); or a quality finding concerning the window's rows ({@link Kind#FINDING}). A
 * Flink POJO: one type, so the three reach the window's operator through one input.
 */
public class SilverEvidence {

    /** What the evidence is. */
    public enum Kind {
        ROW,
        GOLD_CLAIM,
        FINDING
    }

    public Kind kind;

    /** The SILVER manifest id the evidence is about. */
    public String silverId;

    public String tenant;

    /** The Silver topic of the rows (ROW, GOLD_CLAIM); null for a finding. */
    public String topic;

    /** GOLD_CLAIM: the claiming GOLD manifest id (a re-emitted record replaces its claim). */
    public String claimant;

    /** ROW: 1; GOLD_CLAIM: the rows claimed. */
    public long count;

    /** The sum of the rows' value checksum prefixes (mod 2^64). */
    public long checksum;

    /** FINDING: its rule, e.g. quality.null-rate. */
    public String rule;

    /** FINDING: its check id. */
    public String checkId;

    public SilverEvidence() {}

    /** A row of the window on {@code topic}, with its value's checksum prefix. */
    public static SilverEvidence row(String silverId, String tenant, String topic, long checksum) {
        SilverEvidence e = new SilverEvidence();
        e.kind = Kind.ROW;
        e.silverId = silverId;
        e.tenant = tenant;
        e.topic = topic;
        e.count = 1;
        e.checksum = checksum;
        return e;
    }

    /** What GOLD record {@code claimant} read of the window's rows on {@code topic}. */
    public static SilverEvidence goldClaim(
            String silverId,
            String claimant,
            String tenant,
            String topic,
            long count,
            long checksum) {
        SilverEvidence e = new SilverEvidence();
        e.kind = Kind.GOLD_CLAIM;
        e.silverId = silverId;
        e.claimant = claimant;
        e.tenant = tenant;
        e.topic = topic;
        e.count = count;
        e.checksum = checksum;
        return e;
    }

    /** Finding {@code checkId} of {@code rule} concerns rows of the window. */
    public static SilverEvidence finding(
            String silverId, String tenant, String rule, String checkId) {
        SilverEvidence e = new SilverEvidence();
        e.kind = Kind.FINDING;
        e.silverId = silverId;
        e.tenant = tenant;
        e.rule = rule;
        e.checkId = checkId;
        return e;
    }
}
