package io.strata.bronze;

/**
 * A record as sent, with where it landed and what must become of it.
 *
 * @param label the corpus kind, or {@code valid}/{@code fuzz:<mutation>}
 * @param expect {@code BRONZE}, {@code TOMBSTONE}, a quarantine reason, or null when unknown (fuzz)
 * @param tenant the tenant the record belongs to (its row's tenant when expected)
 */
public record SentRecord(
        String label, String topic, int partition, long offset, String expect, String tenant) {

    /** Where it was written, as Bronze's source coordinates name it. */
    public String coordinates() {
        return coordinates(topic, partition, offset);
    }

    public static String coordinates(String topic, int partition, long offset) {
        return topic + "/" + partition + "@" + offset;
    }
}
