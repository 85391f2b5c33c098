package io.strata.quality.reconcile;

import io.strata.model.ops.ManifestRecord;
import java.util.List;

/**
 * The reconciliation of one BRONZE window: every record Bronze accepted in it must be accounted for
 * by SILVER, conformed or quarantined, exactly once. So the counts SILVER's records give for the
 * window ({@code lineage_counts}) must add up to the window's {@code record_count}, and their
 * checksums to its checksum (both are sums of the same events' SHA-256 prefixes, so a swapped or
 * altered event shows even when the count holds).
 *
 * @param rule the check that failed, null when the window balances
 * @param measured what SILVER accounted for (a count, or a hex checksum)
 * @param expected what BRONZE holds
 * @param detail a sentence naming the numbers
 */
public record Reconciliation(String rule, String measured, String expected, String detail) {

    /** No SILVER record names the window. */
    public static final String UNCLAIMED = "reconciliation.unclaimed";

    /** SILVER's records for the window add up to another count. */
    public static final String COUNT = "reconciliation.count";

    /** The counts agree, the checksums do not. */
    public static final String CHECKSUM = "reconciliation.checksum";

    /** SILVER records name a BRONZE window the manifest never showed. */
    public static final String UNKNOWN_PARENT = "reconciliation.unknown-parent";

    /** Checks {@code bronze} against the {@code claims} on it. */
    public static Reconciliation of(ManifestRecord bronze, List<LineageClaim> claims) {
        long expectedCount = bronze.getRecordCount();
        long count = 0;
        long checksum = 0;
        for (LineageClaim c : claims) {
            count += c.count;
            checksum += c.checksum;
        }
        String expectedChecksum = bronze.getQualityChecks().getChecksum();
        if (count == expectedCount
                && (expectedChecksum == null || Checksums.parse(expectedChecksum) == checksum)) {
            return new Reconciliation(
                    null,
                    Long.toString(count),
                    Long.toString(expectedCount),
                    "SILVER accounted for all " + expectedCount + " records");
        }
        if (claims.isEmpty()) {
            return new Reconciliation(
                    UNCLAIMED,
                    "0",
                    Long.toString(expectedCount),
                    "no SILVER record accounted for any of the " + expectedCount + " records");
        }
        if (count != expectedCount) {
            return new Reconciliation(
                    COUNT,
                    Long.toString(count),
                    Long.toString(expectedCount),
                    "SILVER accounted for " + count + " of " + expectedCount + " records");
        }
        return new Reconciliation(
                CHECKSUM,
                Checksums.format(checksum),
                expectedChecksum,
                "SILVER accounted for "
                        + count
                        + " records as BRONZE holds, but their checksum is "
                        + Checksums.format(checksum)
                        + ", not "
                        + expectedChecksum);
    }

    public boolean balanced() {
        return rule == null;
    }

    /** {@code <rule>: <detail>}, as the manifest's quality_checks.reconciliation shows it. */
    public String summary() {
        return rule + ": " + detail;
    }
}
