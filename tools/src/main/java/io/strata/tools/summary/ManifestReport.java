package io.strata.tools.summary;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each tenant's data stands, per layer, from the consolidated manifest ({@code ops.manifest},
 * written by quality-async): windows and their statuses, records, quarantine and duplicates, the
 * last event time reached and how far it trails now (EVENT LAG), how long ago the layer last wrote
 * a window (FRESHNESS), and the open issues: windows whose reconciliation failed (the alert that
 * failed them still stands until a late SILVER record completes them).
 */
public final class ManifestReport {

    private static final String ROW = "  %-14s %-7s %7s %11s %11s %10s  %-20s %9s %9s %8s %6s%n";

    private final List<ManifestRow> rows;

    public ManifestReport(List<ManifestRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Prints the report as of {@code now}, for one tenant or (null) all. */
    public void print(PrintStream out, Instant now, String tenant) {
        List<ManifestRow> selected =
                rows.stream().filter(r -> tenant == null || r.tenant().equals(tenant)).toList();
        if (selected.isEmpty()) {
            out.println(
                    "  no manifest records"
                            + (tenant == null ? "" : " for tenant " + tenant)
                            + " (is quality-async running?)");
            return;
        }
        out.printf(
                ROW,
                "TENANT",
                "LAYER",
                "WINDOWS",
                "RECORDS",
                "QUARANTINED",
                "DUPLICATES",
                "LAST EVENT TIME",
                "EVENT LAG",
                "FRESHNESS",
                "PENDING",
                "FAILED");
        Map<String, Totals> totals = new TreeMap<>();
        selected.forEach(
                r ->
                        totals.computeIfAbsent(r.tenant() + " " + r.layer(), k -> new Totals())
                                .add(r));
        totals.forEach(
                (key, t) ->
                        out.printf(
                                ROW,
                                key.substring(0, key.indexOf(' ')),
                                key.substring(key.indexOf(' ') + 1),
                                String.format("%,d", t.windows),
                                String.format("%,d", t.records),
                                String.format("%,d", t.quarantined),
                                String.format("%,d", t.duplicates),
                                t.lastEvent,
                                age(Duration.between(t.lastEvent, now)),
                                age(Duration.between(t.lastCreated, now)),
                                String.format("%,d", t.pending),
                                String.format("%,d", t.failed)));
        List<ManifestRow> failed =
                selected.stream()
                        .filter(r -> r.status().equals("FAILED"))
                        .sorted(Comparator.comparing(ManifestRow::manifestId))
                        .toList();
        out.println("  open issues: " + (failed.isEmpty() ? "none" : failed.size()));
        failed.forEach(r -> out.println("    " + r.manifestId() + "  " + r.reconciliation()));
    }

    /** A duration at a glance: {@code 42s}, {@code 7m05s}, {@code 3h12m}, {@code 690d04h}. */
    static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format("%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return String.format("%dd%02dh", s / 86_400, s % 86_400 / 3600);
    }

    /** The running totals of one tenant and layer. */
    private static final class Totals {
        long windows;
        long records;
        long quarantined;
        long duplicates;
        long pending;
        long failed;
        Instant lastEvent = Instant.MIN;
        Instant lastCreated = Instant.MIN;

        void add(ManifestRow r) {
            windows++;
            records += r.records();
            quarantined += r.quarantined();
            duplicates += r.duplicates();
            pending += r.status().equals("PROCESSING") ? 1 : 0;
            failed += r.status().equals("FAILED") ? 1 : 0;
            lastEvent = r.endTime().isAfter(lastEvent) ? r.endTime() : lastEvent;
            lastCreated = r.createdAt().isAfter(lastCreated) ? r.createdAt() : lastCreated;
        }
    }
}
