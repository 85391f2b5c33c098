package io.strata.tools.bench;

import io.strata.tools.bench.Measurement.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes {@code report.md} (tables, targets, environment), the charts, and appends one line per run
 * to {@code history.csv}, which accumulates over invocations so a regression shows.
 */
final class BenchReport {

    static final String REPORT = "report.md";
    static final String HISTORY = "history.csv";
    static final String HISTORY_HEADER =
            "finished_at,events,records,seed,round,pipeline,counted,valid,seconds,events_per_s,"
                    + "events_per_cpu_s,rows,commits,data_files,data_bytes,note";

    /** Issue 8's targets on this 2-core machine. */
    static final double TARGET_BRONZE_EVENTS_PER_S = 50_000;

    static final double TARGET_RATIO_TO_BASELINE = 1.5;

    private final BenchResult result;

    BenchReport(BenchResult result) {
        this.result = result;
    }

    void write(Path dir) throws IOException {
        BenchCharts.write(result, dir);
        Files.writeString(dir.resolve(REPORT), markdown());
        appendHistory(dir.resolve(HISTORY));
    }

    String markdown() {
        List<String> md = new ArrayList<>();
        md.add("# Strata benchmark: bronze-ingest vs a Flink SQL baseline vs a raw consumer");
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
        md.add("## Targets (issue 8)");
        md.add("");
        md.addAll(targets());
        md.add("");
        md.add("## Every run");
        md.add("");
        md.add(
                "| round | pipeline | valid | counted | rows | seconds | events/s | events/CPU-s"
                        + " | Iceberg commits | data files | mean file | note |");
        md.add("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Measurement m : result.measurements()) {
            md.add(
                    String.format(
                            Locale.ROOT,
                            "| %d | %s | %s | %s | %,d | %.1f | %,.0f | %,.0f | %d | %d | %s | %s |",
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
        lines.add(
                "- Not measured by this harness yet: whole-chain throughput (≥ 20K events/s),"
                        + " end-to-end latency p99 (≤ 1 s at 5K events/s), Iceberg freshness (≤ checkpoint"
                        + " interval + 2 s).");
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

    private void appendHistory(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            lines.add(HISTORY_HEADER);
        }
        for (Measurement m : result.measurements()) {
            lines.add(
                    String.join(
                            ",",
                            result.finishedAt().toString(),
                            Long.toString(result.settings().events()),
                            Long.toString(result.input().records()),
                            Long.toString(result.settings().seed()),
                            Integer.toString(m.round()),
                            m.pipeline().name(),
                            Boolean.toString(result.counted(m.round())),
                            Boolean.toString(m.valid()),
                            String.format(Locale.ROOT, "%.3f", m.seconds()),
                            String.format(Locale.ROOT, "%.1f", m.eventsPerSecond()),
                            String.format(Locale.ROOT, "%.1f", m.eventsPerCpuSecond()),
                            Long.toString(m.rows()),
                            Long.toString(m.commits()),
                            Long.toString(m.dataFiles()),
                            Long.toString(m.dataBytes()),
                            "\"" + m.note().replace("\"", "'") + "\""));
        }
        Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String fmt(OptionalDouble value, String format) {
        return value.isPresent() ? String.format(Locale.ROOT, format, value.getAsDouble()) : "—";
    }
}
