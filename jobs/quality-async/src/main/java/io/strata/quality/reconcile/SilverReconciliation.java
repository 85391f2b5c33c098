package io.strata.quality.reconcile;

import java.util.Map;
import java.util.TreeSet;

/**
 * The reconciliation of one SILVER window with Gold: per Silver topic Gold reads, the rows the
 * window wrote there (as read back from the topic, each with its value's checksum prefix) must be
 * exactly the rows GOLD's records say they read of it ({@code lineage_counts}, from the same
 * bytes): same count, same checksum. The first topic (by name) that differs decides the result.
 *
 * @param rule the check that failed, null when the window balances
 * @param topic the topic that differs, null when balanced
 * @param measured what GOLD read (a count, or a hex checksum)
 * @param expected what the window wrote
 * @param detail a sentence naming the numbers
 */
public record SilverReconciliation(
        String rule, String topic, String measured, String expected, String detail) {

    /** Rows the window wrote that no GOLD record accounts for at all. */
    public static final String UNCLAIMED = "reconciliation.gold.unclaimed";

    /** GOLD read another number of the window's rows of a topic than it wrote. */
    public static final String COUNT = "reconciliation.gold.count";

    /** The counts agree, the checksums do not. */
    public static final String CHECKSUM = "reconciliation.gold.checksum";

    /**
     * Checks what the window {@code wrote} against what Gold {@code read}, both per topic as
     * {count, checksum}.
     */
    public static SilverReconciliation of(Map<String, long[]> wrote, Map<String, long[]> read) {
        TreeSet<String> topics = new TreeSet<>(wrote.keySet());
        topics.addAll(read.keySet());
        long rows = 0;
        for (String topic : topics) {
            long[] w = wrote.getOrDefault(topic, new long[2]);
            long[] r = read.getOrDefault(topic, new long[2]);
            rows += w[0];
            if (w[0] != r[0]) {
                return read.isEmpty()
                        ? new SilverReconciliation(
                                UNCLAIMED,
                                topic,
                                "0",
                                Long.toString(w[0]),
                                "no GOLD record accounted for any of the "
                                        + w[0]
                                        + " rows written to "
                                        + topic)
                        : new SilverReconciliation(
                                COUNT,
                                topic,
                                Long.toString(r[0]),
                                Long.toString(w[0]),
                                "GOLD read "
                                        + r[0]
                                        + " of the "
                                        + w[0]
                                        + " rows written to "
                                        + topic);
            }
            if (w[1] != r[1]) {
                return new SilverReconciliation(
                        CHECKSUM,
                        topic,
                        Checksums.format(r[1]),
                        Checksums.format(w[1]),
                        "GOLD read the "
                                + w[0]
                                + " rows written to "
                                + topic
                                + ", but their checksum is "
                                + Checksums.format(r[1])
                                + ", not "
                                + Checksums.format(w[1]));
            }
        }
        return new SilverReconciliation(
                null,
                null,
                Long.toString(rows),
                Long.toString(rows),
                "GOLD read all " + rows + " rows written to the topics it reads");
    }

    public boolean balanced() {
        return rule == null;
    }

    /** {@code <rule>: <detail>}, as the manifest's quality_checks.reconciliation shows it. */
    public String summary() {
        return rule + ": " + detail;
    }
}
