package io.strata.workload.oracle;

import io.strata.model.QuarantineReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each layer must contain after the pipeline has processed a workload: Bronze counts and
 * Silver quarantine per tenant, and the final Silver tables. Tenants are keyed as the records are
 * attributed (their Kafka key; see {@code RawTopics.UNATTRIBUTED}).
 *
 * <p>The raw records alone make an expectation ({@link Oracle}); {@link #withCdc} adds what the CDC
 * path writes when it runs too.
 *
 * @param bronze the raw records' counts per tenant
 * @param cdcEvents change events Bronze holds per tenant from the {@code cdc.*} topics (empty
 *     unless {@link #withCdc})
 */
public record Expectation(
        long inputRecords,
        Map<String, BronzeCounts> bronze,
        Map<String, Map<QuarantineReason, Long>> silverQuarantine,
        SilverState silver,
        Map<String, Long> cdcEvents) {

    public Expectation {
        bronze = Collections.unmodifiableMap(new TreeMap<>(bronze));
        silverQuarantine = Collections.unmodifiableMap(new TreeMap<>(silverQuarantine));
        cdcEvents = Collections.unmodifiableMap(new TreeMap<>(cdcEvents));
    }

    /**
     * This expectation with the CDC path running next to the raw records: its change events in
     * Bronze, its customers and products in Silver. The two must not share a Silver key (the
     * workload keeps them apart); an overlap is an error, not a merge.
     */
    public Expectation withCdc(CdcProjection cdc) {
        Map<String, Long> events = new TreeMap<>(cdcEvents);
        cdc.bronzeEvents().forEach((tenant, n) -> events.merge(tenant, n, Long::sum));
        return new Expectation(
                inputRecords,
                bronze,
                silverQuarantine,
                silver.withCdc(cdc.customers(), cdc.products()),
                events);
    }

    /** Rows of {@code bronze.events} for a tenant: accepted raw records plus change events. */
    public long bronzeRows(String tenant) {
        return bronze(tenant).accepted() + cdcEvents.getOrDefault(tenant, 0L);
    }

    /** Rows of {@code bronze.events} over all tenants. */
    public long bronzeRowsTotal() {
        return bronzeTotal().accepted()
                + cdcEvents.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The counts for one tenant (zeros for a tenant without records). */
    public BronzeCounts bronze(String tenant) {
        return bronze.getOrDefault(tenant, new BronzeCounts(tenant, 0, 0, 0, Map.of(), 0));
    }

    /** Bronze counts summed over all tenants. */
    public BronzeCounts bronzeTotal() {
        long input = 0;
        long accepted = 0;
        long duplicates = 0;
        long late = 0;
        Map<QuarantineReason, Long> quarantined = new EnumMap<>(QuarantineReason.class);
        for (BronzeCounts c : bronze.values()) {
            input += c.input();
            accepted += c.accepted();
            duplicates += c.duplicates();
            late += c.late();
            c.quarantined().forEach((r, n) -> quarantined.merge(r, n, Long::sum));
        }
        return new BronzeCounts("*", input, accepted, duplicates, quarantined, late);
    }

    /** Records silver-conform must quarantine for a tenant, by reason. */
    public Map<QuarantineReason, Long> silverQuarantine(String tenant) {
        return silverQuarantine.getOrDefault(tenant, Map.of());
    }
}
