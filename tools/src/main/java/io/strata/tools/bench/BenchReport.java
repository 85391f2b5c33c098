package io.strata.tools.bench;

import io.strata.tools.bench.Measurement.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes {@code report.md} (tables, targets, environment) and the charts, and has {@link
 * BenchHistory} append the runs to {@code history.csv}.
 */
final class BenchReport {

    static final String REPORT = "report.md";

    /** Issue 8's targets on this 2-core machine. */
    static final double TARGET_BRONZE_EVENTS_PER_S = 50_000;

    static final double TARGET_RATIO_TO_BASELINE = 1.5;

    private final BenchResult result;
    private final Map<String, List<String>> profiles = new LinkedHashMap<>();

    BenchReport(BenchResult result) {
        this.result = result;
    }

    /** Adds a section on where a recorded run's CPU went ({@link ProfileSummary#section}). */
    BenchReport withProfile(String run, List<String> section) {
        profiles.put(run, List.copyOf(section));
        return this;
    }

    void write(Path dir) throws IOException {
        BenchCharts.write(result, dir);
        Files.writeString(dir.resolve(REPORT), markdown());
        new BenchHistory(result).append(dir.resolve(BenchHistory.FILE));
    }

    String markdown() {
        List<String> md = new ArrayList<>();
        md.add(
                "# Strata benchmark: bronze-ingest vs a Flink SQL baseline vs a raw consumer,"
                        + " and the whole chain");
        md.add("");
        md.add(
                String.format(
                        Locale.ROOT,
                        "`./strata bench --events %d --runs %d --seed %d`, finished %s. Input: %,d records"
                                + " (%,d bytes) on `%s`, loaded in %.1f s before any pipeline started.",
                        result.settings().events(),
                        result.settings().runs(),
                        result.settings().seed(),
                        result.finishedAt(),
                        result.input().records(),
                        result.input().bytes(),
                        result.input().topic(),
                        result.input().sendTime().toMillis() / 1000.0));
        md.add("");
        md.add("## Medians (counted rounds)");
        md.add("");
        md.add("| pipeline | events/s | events per CPU-second | seconds | runs counted |");
        md.add("|---|---:|---:|---:|---:|");
        for (Pipeline p : Pipeline.values()) {
            md.add(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %s | %s | %d |",
                            p.label(),
                            fmt(result.median(p, Measurement::eventsPerSecond), "%,.0f"),
                            fmt(result.median(p, Measurement::eventsPerCpuSecond), "%,.0f")
                                    + (p == Pipeline.RAW ? " (consumer thread)" : ""),
                            fmt(result.median(p, Measurement::seconds), "%.1f"),
                            result.counted(p).size()));
        }
        md.add("");
        md.add("| ratio (median of per-round ratios) | events/s | events per CPU-second |");
        md.add("|---|---:|---:|");
        md.add(
                "| Strata / SQL baseline | "
                        + fmt(
                                result.medianRatio(Pipeline.BASELINE, Measurement::eventsPerSecond),
                                "%.2f")
                        + " | "
                        + fmt(
                                result.medianRatio(
                                        Pipeline.BASELINE, Measurement::eventsPerCpuSecond),
                                "%.2f")
                        + " |");
        md.add(
                "| Strata / raw consumer | "
                        + fmt(
                                result.medianRatio(Pipeline.RAW, Measurement::eventsPerSecond),
                                "%.2f")
                        + " | — |");
        md.add("");
        md.add("![throughput](" + BenchCharts.THROUGHPUT + ") ![cpu](" + BenchCharts.CPU + ")");
        md.add("");
        md.addAll(latencySection());
        md.addAll(ChainReport.section(result.chain()));
        md.add("## Targets (issue 8)");
        md.add("");
        md.addAll(targets());
        md.add("");
        profiles.forEach(
                (run, section) -> {
                    md.add("## Where Strata's time goes (" + run + ")");
                    md.add("");
                    md.addAll(section);
                });
        md.add("## Checkpoints, state and Iceberg files (medians of counted runs)");
        md.add("");
        md.add(
                "| pipeline | checkpoint p50 | checkpoint max | state (latest checkpoint) |"
                        + " state bytes per key | files per commit | mean file size |");
        md.add("|---|---:|---:|---:|---:|---:|---:|");
        long keys = result.input().oracle().bronzeTotal().accepted();
        for (Pipeline p : List.of(Pipeline.STRATA, Pipeline.BASELINE)) {
            md.add(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %s | %s | %s | %s | %s |",
                            p.label(),
                            fmt(result.median(p, m -> m.checkpoints().p50Millis()), "%,.0f ms"),
                            fmt(result.median(p, m -> m.checkpoints().maxMillis()), "%,.0f ms"),
                            fmt(
                                    result.median(p, m -> m.checkpoints().stateBytes() / 1024.0),
                                    "%,.0f KiB"),
                            fmt(result.median(p, m -> m.checkpoints().bytesPerKey(keys)), "%,.0f"),
                            fmt(result.median(p, Measurement::filesPerCommit), "%.1f"),
                            fmt(
                                    result.median(
                                            p,
                                            m ->
                                                    m.dataFiles() > 0
                                                            ? m.dataBytes() / 1024.0 / m.dataFiles()
                                                            : 0),
                                    "%,.0f KiB")));
        }
        md.add("");
        md.add(
                "State bytes per key: the whole job's state in its latest completed checkpoint"
                        + " divided by the distinct (tenant, event id) keys ("
                        + String.format(Locale.ROOT, "%,d", keys)
                        + "); the dedupe state is nearly all of it.");
        md.add("");
        md.add("## Every run");
        md.add("");
        md.add(
                "| round | pipeline | valid | counted | rows | seconds | events/s | events/CPU-s"
                        + " | Iceberg commits | data files | mean file | checkpoints | note |");
        md.add("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Measurement m : result.measurements()) {
            md.add(
                    String.format(
                            Locale.ROOT,
                            "| %d | %s | %s | %s | %,d | %.1f | %,.0f | %,.0f | %d | %d | %s | %d | %s |",
                            m.round(),
                            m.pipeline().label(),
                            m.valid() ? "yes" : "**no**",
                            result.counted(m.round()) ? "yes" : "no",
                            m.rows(),
                            m.seconds(),
                            m.eventsPerSecond(),
                            m.eventsPerCpuSecond(),
                            m.commits(),
                            m.dataFiles(),
                            m.dataFiles() > 0
                                    ? String.format(
                                            Locale.ROOT,
                                            "%,d KiB",
                                            m.dataBytes() / m.dataFiles() / 1024)
                                    : "—",
                            m.checkpoints().completed(),
                            m.note().replace("|", "/")));
        }
        md.add("");
        md.add("## What is measured");
        md.add("");
        md.addAll(definitions());
        md.add("");
        md.add("## Environment");
        md.add("");
        md.add("| | |");
        md.add("|---|---|");
        for (Map.Entry<String, String> e : result.environment().entrySet()) {
            md.add("| " + e.getKey() + " | " + e.getValue() + " |");
        }
        md.add(
                "| checkpoint interval (both pipelines) | "
                        + result.settings().checkpointInterval().toMillis()
                        + " ms |");
        md.add(
                "| workload | seed "
                        + result.settings().seed()
                        + ", "
                        + result.settings().events()
                        + " events, malformed-rate 0"
                        + (result.settings().workload().isEmpty()
                                ? ""
                                : ", " + result.settings().workload())
                        + " |");
        md.add("");
        return String.join("\n", md);
    }

    private List<String> latencySection() {
        List<String> md = new ArrayList<>();
        if (result.latencies().isEmpty()) {
            return md;
        }
        md.add("## Latency at a fixed rate: event produced → visible in Iceberg");
        md.add("");
        md.add("| pipeline | rate (records/s) | events | p50 | p95 | p99 | max | valid |");
        md.add("|---|---:|---:|---:|---:|---:|---:|---|");
        for (LatencyRun.Result r : result.latencies()) {
            Latencies l = r.latencies();
            md.add(
                    String.format(
                            Locale.ROOT,
                            "| %s | %,.0f | %,d | %,d ms | %,d ms | %,d ms | %,d ms | %s |",
                            r.pipeline().label(),
                            r.rate(),
                            l.count(),
                            l.p50(),
                            l.p95(),
                            l.p99(),
                            l.max(),
                            r.valid() ? "yes" : "**no** (" + r.note().replace("|", "/") + ")"));
        }
        md.add("");
        md.add(
                "Each pipeline runs on an empty topic before the paced workload is sent; a row's"
                        + " latency is the commit time of the Iceberg snapshot that added it minus its Kafka"
                        + " record's timestamp (set by the producer). Commits happen on checkpoints, so"
                        + " latency is bounded below by the wait for the next checkpoint.");
        md.add("");
        md.add("![latency](" + BenchCharts.LATENCY + ")");
        md.add("");
        return md;
    }

    private List<String> targets() {
        List<String> lines = new ArrayList<>();
        OptionalDouble strata = result.median(Pipeline.STRATA, Measurement::eventsPerSecond);
        OptionalDouble ratio = result.medianRatio(Pipeline.BASELINE, Measurement::eventsPerSecond);
        lines.add(
                target(
                        "bronze-ingest throughput",
                        strata,
                        TARGET_BRONZE_EVENTS_PER_S,
                        "%,.0f events/s"));
        lines.add(target("Strata / SQL baseline", ratio, TARGET_RATIO_TO_BASELINE, "%.2f×"));
        double freshness = result.settings().checkpointInterval().toMillis() + 2000;
        result.latencies().stream()
                .filter(r -> r.pipeline() == Pipeline.STRATA && r.valid())
                .findFirst()
                .ifPresent(
                        r ->
                                lines.add(
                                        ceiling(
                                                "Strata Bronze freshness p99 at "
                                                        + Math.round(r.rate())
                                                        + " records/s (target: checkpoint interval"
                                                        + " + 2 s)",
                                                r.latencies().p99(),
                                                freshness)));
        lines.addAll(ChainReport.targets(result.chain()));
        return lines;
    }

    private static String target(String what, OptionalDouble value, double goal, String format) {
        if (value.isEmpty()) {
            return "- "
                    + what
                    + ": no counted run, target "
                    + String.format(Locale.ROOT, format, goal)
                    + " not judged.";
        }
        double v = value.getAsDouble();
        String measured = String.format(Locale.ROOT, format, v);
        String target = String.format(Locale.ROOT, format, goal);
        return v >= goal
                ? "- " + what + ": " + measured + ", target " + target + " **met**."
                : String.format(
                        Locale.ROOT,
                        "- %s: %s, target %s **missed** by %.0f%% (%s short).",
                        what,
                        measured,
                        target,
                        100 * (goal - v) / goal,
                        String.format(Locale.ROOT, format, goal - v));
    }

    /** A target that a value must stay under (milliseconds). */
    private static String ceiling(String what, double value, double limit) {
        return value <= limit
                ? String.format(
                        Locale.ROOT, "- %s: %,.0f ms, target %,.0f ms **met**.", what, value, limit)
                : String.format(
                        Locale.ROOT,
                        "- %s: %,.0f ms, target %,.0f ms **missed** by %,.0f ms (%.0f%% over).",
                        what,
                        value,
                        limit,
                        value - limit,
                        100 * (value - limit) / limit);
    }

    private List<String> definitions() {
        return List.of(
                "- Rounds run Strata (A), then the SQL baseline (B), then the raw consumer (C), one"
                        + " at a time on the same cluster; round 1 warms up and is not counted, nor"
                        + " is a round where A or B is invalid.",
                "- A and B: **seconds** run from the moment the last task of the job was RUNNING"
                        + " (Flink REST, subtask timestamps) to the commit time of the first Iceberg"
                        + " snapshot holding every expected row. Commits happen on checkpoints, so"
                        + " both include the wait for the checkpoint after their last record (up to"
                        + " one interval).",
                "- A is valid when Bronze holds the oracle's accepted events, quarantine the"
                        + " oracle's refusals and the dedupe `duplicates` metrics add up to the"
                        + " oracle's duplicates (input = Bronze + duplicates + quarantine); B when"
                        + " its deduplicated table holds the same number of rows as A's Bronze.",
                "- **events/s** = input records / seconds. **events per CPU-second** = input"
                        + " records / CPU time (user + system, /proc) of the TaskManager process"
                        + " from submission to the observed completion (job start-up included).",
                "- A does more than B: it also writes every event as Avro to Kafka (exactly-once),"
                        + " the manifest, flags late events and holds paused tenants.",
                "- C: one KafkaConsumer thread with a fresh group reads the topic from the start;"
                        + " seconds from first to last record; CPU is that thread's.",
                "- Absolute numbers depend on what else the machine runs (see load average):"
                        + " compare ratios of alternating runs.");
    }

    private static String fmt(OptionalDouble value, String format) {
        return value.isPresent() ? String.format(Locale.ROOT, format, value.getAsDouble()) : "—";
    }
}
