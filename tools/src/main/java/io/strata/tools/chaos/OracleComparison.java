package io.strata.tools.chaos;

import io.strata.tools.summary.BronzeSummary;
import io.strata.tools.summary.IcebergCounts;
import io.strata.tools.summary.SilverSummary;
import io.strata.workload.oracle.Expectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Bronze and Silver in Iceberg against the oracle, exactly: the comparisons {@code ./strata demo}
 * prints, each as a {@link Check}, plus one the demo does not make: no event id twice in Bronze.
 */
final class OracleComparison {

    private final IcebergCounts counts;

    OracleComparison(IcebergCounts counts) {
        this.counts = counts;
    }

    List<Check> bronze(Expectation expected) {
        BronzeSummary bronze = new BronzeSummary(counts);
        List<Check> checks = new ArrayList<>();
        Map<String, Long> rows = bronze.eventsPerTenant().orElse(Map.of());
        TreeSet<String> tenants = new TreeSet<>(rows.keySet());
        tenants.addAll(expected.bronze().keySet());
        tenants.addAll(expected.cdcEvents().keySet());
        for (String tenant : tenants) {
            checks.add(
                    new Check(
                            "bronze",
                            BronzeSummary.EVENTS_TABLE + " rows of tenant " + tenant,
                            expected.bronzeRows(tenant),
                            rows.getOrDefault(tenant, 0L)));
        }
        // Per-tenant counts could hide a lost event behind a duplicated one: ids must be unique.
        long repeated =
                counts
                        .countBy(BronzeSummary.EVENTS_TABLE, "event_id")
                        .orElse(Map.of())
                        .values()
                        .stream()
                        .filter(n -> n > 1)
                        .count();
        checks.add(new Check("bronze", "event ids present more than once", 0L, repeated));
        checks.add(
                new Check(
                        "bronze",
                        BronzeSummary.QUARANTINE_TABLE + " rows per reason",
                        BronzeSummary.expectedQuarantine(expected),
                        new TreeMap<>(bronze.quarantinePerReason().orElse(Map.of()))));
        return checks;
    }

    List<Check> silver(Expectation expected) {
        SilverSummary silver = new SilverSummary(counts);
        List<Check> checks = new ArrayList<>();
        Map<String, Long> rows = silver.rows();
        expected.silver()
                .counts()
                .forEach(
                        (entity, n) ->
                                checks.add(
                                        new Check(
                                                "silver",
                                                entity + " rows (after upserts and deletes)",
                                                n.longValue(),
                                                rows.getOrDefault(entity, -1L))));
        checks.add(
                new Check(
                        "silver",
                        "silver.quarantine rows per reason",
                        SilverSummary.expectedQuarantine(expected),
                        new TreeMap<>(silver.quarantinePerReason().orElse(Map.of()))));
        return checks;
    }
}
