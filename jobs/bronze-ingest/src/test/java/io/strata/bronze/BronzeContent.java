package io.strata.bronze;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;

import io.strata.bronze.sink.BronzeTables;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.model.QuarantineReason;
import io.strata.workload.oracle.BronzeCounts;
import io.strata.workload.raw.RawTopics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** What a run left in the Bronze tables, and its counts as the workload's oracle keeps them. */
public final class BronzeContent {

    public final List<Record> events;
    public final List<Record> quarantine;

    private BronzeContent(List<Record> events, List<Record> quarantine) {
        this.events = events;
        this.quarantine = quarantine;
    }

    public static BronzeContent read(ReadableConfig config) throws Exception {
        Catalog catalog = IcebergCatalogs.load(config);
        return new BronzeContent(
                rows(catalog.loadTable(BronzeTables.eventsId(config))),
                rows(catalog.loadTable(BronzeTables.quarantineId(config))));
    }

    /** Rows in both Bronze tables now, from their snapshot summaries (0 before any commit). */
    public static long rowCount(ReadableConfig config) throws Exception {
        Catalog catalog = IcebergCatalogs.load(config);
        long rows = 0;
        for (var id : List.of(BronzeTables.eventsId(config), BronzeTables.quarantineId(config))) {
            if (catalog.tableExists(id)) {
                Table table = catalog.loadTable(id);
                rows +=
                        table.currentSnapshot() == null
                                ? 0
                                : Long.parseLong(
                                        table.currentSnapshot()
                                                .summary()
                                                .getOrDefault("total-records", "0"));
            }
        }
        return rows;
    }

    /**
     * Per tenant (refusals without a tenant are unattributed, like the oracle's), with {@code
     * input} 0: the job sees input only as what the other counts add up to.
     */
    public Map<String, BronzeCounts> counts(Map<String, Long> duplicates) {
        Map<String, Long> accepted = new HashMap<>();
        Map<String, Long> late = new HashMap<>();
        Map<String, Map<QuarantineReason, Long>> refused = new HashMap<>();
        for (Record r : events) {
            String tenant = (String) r.getField("tenant_id");
            accepted.merge(tenant, 1L, Long::sum);
            late.merge(tenant, Boolean.TRUE.equals(r.getField("late")) ? 1L : 0L, Long::sum);
        }
        for (Record r : quarantine) {
            Object tenant = r.getField("tenant_id");
            refused.computeIfAbsent(
                            tenant == null ? RawTopics.UNATTRIBUTED : (String) tenant,
                            t -> new EnumMap<>(QuarantineReason.class))
                    .merge(QuarantineReason.valueOf((String) r.getField("reason")), 1L, Long::sum);
        }
        Set<String> tenants = new TreeSet<>(accepted.keySet());
        tenants.addAll(refused.keySet());
        tenants.addAll(duplicates.keySet());
        Map<String, BronzeCounts> counts = new HashMap<>();
        for (String t : tenants) {
            counts.put(
                    t,
                    new BronzeCounts(
                            t,
                            0,
                            accepted.getOrDefault(t, 0L),
                            duplicates.getOrDefault(t, 0L),
                            refused.getOrDefault(t, Map.of()),
                            late.getOrDefault(t, 0L)));
        }
        return counts;
    }

    /**
     * The oracle's counts with {@code input} 0 and, unless {@code withDuplicates}, no duplicates.
     */
    public static Map<String, BronzeCounts> comparable(
            Map<String, BronzeCounts> expected, boolean withDuplicates) {
        Map<String, BronzeCounts> out = new HashMap<>();
        expected.forEach(
                (t, c) -> {
                    if (withDuplicates || c.accepted() > 0 || c.quarantinedTotal() > 0) {
                        out.put(
                                t,
                                new BronzeCounts(
                                        t,
                                        0,
                                        c.accepted(),
                                        withDuplicates ? c.duplicates() : 0,
                                        c.quarantined(),
                                        c.late()));
                    }
                });
        return out;
    }

    public List<String> eventKeys() {
        return events.stream()
                .map(r -> r.getField("tenant_id") + "/" + r.getField("event_id"))
                .toList();
    }

    public static Map<String, Long> countByTenant(List<String> tenants) {
        return tenants.stream().collect(groupingBy(t -> t, counting()));
    }

    private static List<Record> rows(Table table) throws Exception {
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> it = IcebergGenerics.read(table).build()) {
            it.forEach(r -> rows.add(r.copy()));
        }
        return rows;
    }
}
