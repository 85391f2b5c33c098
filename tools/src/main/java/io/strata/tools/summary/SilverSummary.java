package io.strata.tools.summary;

import io.strata.workload.oracle.Expectation;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Silver as it stands in Iceberg (rows per entity table, refusals), next to the oracle. */
public final class SilverSummary {

    /** The oracle's entity names → the Silver tables (snake case of the Avro record names). */
    static final Map<String, String> TABLES = tables();

    private final IcebergCounts counts;

    public SilverSummary(IcebergCounts counts) {
        this.counts = counts;
    }

    private static Map<String, String> tables() {
        Map<String, String> t = new LinkedHashMap<>();
        for (String entity :
                new String[] {
                    "customer",
                    "product",
                    "order",
                    "order_line",
                    "invoice",
                    "shipment",
                    "support_ticket"
                }) {
            t.put(entity, "silver." + entity);
        }
        t.put("return", "silver.product_return");
        return t;
    }

    /** Rows per entity table (upserts and deletes applied); -1 while a table does not exist. */
    public Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        TABLES.forEach((entity, table) -> rows.put(entity, counts.rows(table).orElse(-1L)));
        return rows;
    }

    /**
     * True once every table holds the oracle's row count and {@code silver.quarantine} as many
     * refusals as the oracle expects (unknown tenants are refused only after a grace period).
     */
    public boolean caughtUp(Expectation expected) {
        Map<String, Long> rows = rows();
        boolean tables =
                expected.silver().counts().entrySet().stream()
                        .allMatch(
                                e ->
                                        rows.getOrDefault(e.getKey(), -1L)
                                                == e.getValue().longValue());
        long refusals = counts.rows("silver.quarantine").orElse(0L);
        long expectedRefusals =
                expected.silverQuarantine().values().stream()
                        .flatMap(m -> m.values().stream())
                        .mapToLong(Long::longValue)
                        .sum();
        return tables && refusals >= expectedRefusals;
    }

    /** Refusals per reason in {@code silver.quarantine}; empty while the table does not exist. */
    public Optional<Map<String, Long>> quarantinePerReason() {
        return counts.countBy("silver.quarantine", "reason");
    }

    /** The refusals the oracle expects in {@code silver.quarantine}, per reason over tenants. */
    public static Map<String, Long> expectedQuarantine(Expectation e) {
        Map<String, Long> reasons = new TreeMap<>();
        e.silverQuarantine()
                .values()
                .forEach(m -> m.forEach((r, n) -> reasons.merge(r.name(), n, Long::sum)));
        return reasons;
    }

    public void print(Optional<Expectation> expected, PrintStream out) {
        Map<String, Long> rows = rows();
        if (rows.values().stream().allMatch(n -> n < 0)) {
            out.println("  silver tables do not exist yet (silver-conform not running?)");
            return;
        }
        out.printf("  %-16s %12s %12s%n", "ENTITY", "SILVER ROWS", "EXPECTED");
        rows.forEach(
                (entity, n) ->
                        out.printf(
                                "  %-16s %,12d %12s%n",
                                entity,
                                n,
                                expected.map(e -> e.silver().counts().get(entity))
                                        .map(c -> String.format("%,d", c))
                                        .orElse("-")));
        out.println("  silver.quarantine by reason: " + quarantinePerReason().orElse(Map.of()));
        expected.ifPresent(
                e -> out.println("  expected by the oracle:      " + expectedQuarantine(e)));
    }
}
