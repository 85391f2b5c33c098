package io.strata.testing.badinput;

/**
 * One kind of bad record of a corpus and what a job must make of it.
 *
 * @param kind the kind's name, unique in its corpus
 * @param topic the kind of topic it is sent to ({@code raw} or {@code cdc})
 * @param key the Kafka key, UTF-8; null for none
 * @param value the Kafka value; null for a tombstone
 * @param expect {@code BRONZE}, {@code TOMBSTONE} or the quarantine reason's name
 * @param tenant the tenant its row must be attributed to; null for nobody
 * @param copies how many times the same bytes are sent; all but one are duplicates
 */
public record BadRecord(
        String kind,
        String topic,
        String key,
        byte[] value,
        String expect,
        String tenant,
        int copies) {

    public static final String BRONZE = "BRONZE";
    public static final String TOMBSTONE = "TOMBSTONE";

    /** Whether it must end in quarantine (with {@link #expect} as its reason). */
    public boolean quarantined() {
        return !expect.equals(BRONZE) && !expect.equals(TOMBSTONE);
    }
}
