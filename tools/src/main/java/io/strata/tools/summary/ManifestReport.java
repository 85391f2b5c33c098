package io.strata.tools.summary;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where each tenant's data stands, per layer, from the consolidated manifest ({@code ops.manifest},
 * written by quality-async): windows and their statuses, records, quarantine and duplicates, the
 * last event time reached and how far it trails now (EVENT LAG), how long ago the layer last wrote
 * a window (FRESHNESS), and the open issues: windows whose reconciliation failed (the alert that
 * failed them still stands until a late record of the next layer completes them) and the quality
 * findings (Tier 2 and 3, {@code ops.quality_results}) concerning the windows' rows.
 */
public final class ManifestReport {

    private static final String ROW =
            "  %-14s %-7s %7s %11s %11s %10s  %-20s %9s %9s %8s %6s %8s%n";

    /** Findings listed per tenant; the rest are counted. */
    private static final int FINDINGS_LISTED = 5;

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
                "FAILED",
                "FINDINGS");
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
                                String.format("%,d", t.failed),
                                String.format("%,d", t.findings.size())));
        List<ManifestRow> failed =
                selected.stream()
                        .filter(r -> r.status().equals("FAILED"))
                        .sorted(Comparator.comparing(ManifestRow::manifestId))
                        .toList();
        Map<String, TreeSet<String>> findings = new TreeMap<>();
        selected.forEach(
                r ->
                        findings.computeIfAbsent(r.tenant(), k -> new TreeSet<>())
                                .addAll(r.findings()));
        findings.values().removeIf(TreeSet::isEmpty);
        int issues = failed.size() + findings.values().stream().mapToInt(TreeSet::size).sum();
        out.println("  open issues: " + (issues == 0 ? "none" : issues));
        failed.forEach(r -> out.println("    " + r.manifestId() + "  " + r.reconciliation()));
        findings.forEach(
                (t, ids) -> {
                    ids.stream().limit(FINDINGS_LISTED).forEach(id -> out.println("    " + id));
                    if (ids.size() > FINDINGS_LISTED) {
                        out.println(
                                "    ... and "
                                        + (ids.size() - FINDINGS_LISTED)
                                        + " more findings for "
                                        + t
                                        + " (ops.quality_results)");
                    }
                });
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
        final Set<String> findings = new HashSet<>();
        Instant lastEvent = Instant.MIN;
        Instant lastCreated = Instant.MIN;

        void add(ManifestRow r) {
            windows++;
            records += r.records();
            quarantined += r.quarantined();
            duplicates += r.duplicates();
            pending += r.status().equals("PROCESSING") ? 1 : 0;
            failed += r.status().equals("FAILED") ? 1 : 0;
            findings.addAll(r.findings());
            lastEvent = r.endTime().isAfter(lastEvent) ? r.endTime() : lastEvent;
            lastCreated = r.createdAt().isAfter(lastCreated) ? r.createdAt() : lastCreated;
        }
    }
}
