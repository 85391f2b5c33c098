package io.strata.tools.summary;

import io.strata.workload.oracle.Expectation;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Bronze as it stands in Iceberg, per tenant, next to what the oracle says it must hold: accepted
 * raw records plus, when cdc-capture runs, the OLTP change events.
 */
public final class BronzeSummary {

    public static final String EVENTS_TABLE = "bronze.events";
    public static final String QUARANTINE_TABLE = "bronze.quarantine";

    private final IcebergCounts counts;

    public BronzeSummary(IcebergCounts counts) {
        this.counts = counts;
    }

    /** Accepted rows per tenant in {@code bronze.events}; empty while the table does not exist. */
    public Optional<Map<String, Long>> eventsPerTenant() {
        return counts.countBy(EVENTS_TABLE, "tenant_id");
    }

    /** True once Bronze holds at least as many rows as the oracle expects in total. */
    public boolean caughtUp(Expectation expected) {
        long rows =
                eventsPerTenant().map(m -> m.values().stream().mapToLong(v -> v).sum()).orElse(0L);
        return rows >= expected.bronzeRowsTotal();
    }

    /** Refusals per reason in {@code bronze.quarantine}; empty while the table does not exist. */
    public Optional<Map<String, Long>> quarantinePerReason() {
        return counts.countBy(QUARANTINE_TABLE, "reason");
    }

    /** The refusals the oracle expects in {@code bronze.quarantine}, per reason over tenants. */
    public static Map<String, Long> expectedQuarantine(Expectation e) {
        Map<String, Long> reasons = new java.util.TreeMap<>();
        e.bronze()
                .values()
                .forEach(
                        c ->
                                c.quarantined()
                                        .forEach((r, n) -> reasons.merge(r.name(), n, Long::sum)));
        return reasons;
    }

    public void print(Optional<Expectation> expected, PrintStream out) {
        Optional<Map<String, Long>> events = eventsPerTenant();
        Optional<Map<String, Long>> quarantine = quarantinePerReason();
        if (events.isEmpty()) {
            out.println("  bronze.events does not exist yet (bronze-ingest not running?)");
            return;
        }
        out.printf("  %-14s %12s %12s   %s%n", "TENANT", "BRONZE ROWS", "EXPECTED", "(RAW + CDC)");
        TreeSet<String> tenants = new TreeSet<>(events.get().keySet());
        expected.ifPresent(
                e -> {
                    tenants.addAll(e.bronze().keySet());
                    tenants.addAll(e.cdcEvents().keySet());
                });
        for (String tenant : tenants) {
            out.printf(
                    "  %-14s %,12d %12s   %s%n",
                    tenant,
                    events.get().getOrDefault(tenant, 0L),
                    expected.map(e -> String.format("%,d", e.bronzeRows(tenant))).orElse("-"),
                    expected.map(
                                    e ->
                                            String.format(
                                                    "(%,d + %,d)",
                                                    e.bronze(tenant).accepted(),
                                                    e.cdcEvents().getOrDefault(tenant, 0L)))
                            .orElse(""));
        }
        out.println("  bronze.quarantine by reason: " + quarantine.orElse(Map.of()));
        expected.ifPresent(
                e -> out.println("  expected by the oracle:      " + expectedQuarantine(e)));
    }
}
