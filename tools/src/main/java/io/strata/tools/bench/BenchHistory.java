package io.strata.tools.bench;

import io.strata.tools.bench.Measurement.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code history.csv}: one line per run (throughput rounds, latency runs, the whole chain's two
 * runs), appended by every bench invocation so a regression shows against earlier ones. Every kind
 * has the same columns, so files written before the chain lines existed stay one table; columns
 * that do not apply to a line's kind are empty.
 */
final class BenchHistory {

    static final String FILE = "history.csv";
    static final String HEADER =
            "finished_at,kind,events,records,seed,round,pipeline,counted,valid,seconds,"
                    + "events_per_s,events_per_cpu_s,rows,commits,data_files,data_bytes,"
                    + "checkpoint_p50_ms,state_bytes,latency_rate,latency_p50_ms,latency_p95_ms,"
                    + "latency_p99_ms,latency_max_ms,note";

    private final BenchResult result;

    BenchHistory(BenchResult result) {
        this.result = result;
    }

    void append(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            lines.add(HEADER);
        }
        for (Measurement m : result.measurements()) {
            lines.add(
                    historyLine(
                            "throughput",
                            m.round(),
                            m.pipeline(),
                            result.counted(m.round()),
                            m.valid(),
                            String.format(
                                    Locale.ROOT,
                                    "%.3f,%.1f,%.1f,%d,%d,%d,%d,%d,%d,,,,,",
                                    m.seconds(),
                                    m.eventsPerSecond(),
                                    m.eventsPerCpuSecond(),
                                    m.rows(),
                                    m.commits(),
                                    m.dataFiles(),
                                    m.dataBytes(),
                                    m.checkpoints().p50Millis(),
                                    m.checkpoints().stateBytes()),
                            m.note()));
        }
        for (LatencyRun.Result r : result.latencies()) {
            Latencies l = r.latencies();
            lines.add(
                    historyLine(
                            "latency",
                            0,
                            r.pipeline(),
                            false,
                            r.valid(),
                            String.format(
                                    Locale.ROOT,
                                    ",,,%d,,,,,,%.1f,%d,%d,%d,%d",
                                    l.count(),
                                    r.rate(),
                                    l.p50(),
                                    l.p95(),
                                    l.p99(),
                                    l.max()),
                            r.note()));
        }
        lines.addAll(chainLines());
        Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The whole chain's lines in the same columns: kind {@code chain} (seconds from submission,
     * events/s, events per CPU-second, rows = Gold history rows) and {@code chain-latency} (rows =
     * Gold rows measured, latency columns raw → Gold topic); pipeline {@code CHAIN}.
     */
    private List<String> chainLines() {
        List<String> lines = new ArrayList<>();
        result.chain()
                .throughput()
                .ifPresent(
                        m ->
                                lines.add(
                                        historyLine(
                                                "chain",
                                                0,
                                                "CHAIN",
                                                false,
                                                m.valid(),
                                                String.format(
                                                        Locale.ROOT,
                                                        "%.3f,%.1f,%.1f,%d,,,,,,,,,,",
                                                        m.seconds(),
                                                        m.eventsPerSecond(),
                                                        m.eventsPerCpuSecond(),
                                                        m.goldRows()),
                                                m.note())));
        result.chain()
                .latency()
                .ifPresent(
                        r -> {
                            Latencies l = r.latencies();
                            lines.add(
                                    historyLine(
                                            "chain-latency",
                                            0,
                                            "CHAIN",
                                            false,
                                            r.valid(),
                                            String.format(
                                                    Locale.ROOT,
                                                    ",,,%d,,,,,,%.1f,%d,%d,%d,%d",
                                                    l.count(),
                                                    r.rate(),
                                                    l.p50(),
                                                    l.p95(),
                                                    l.p99(),
                                                    l.max()),
                                            r.note()));
                        });
        return lines;
    }

    private String historyLine(
            String kind,
            int round,
            Pipeline pipeline,
            boolean counted,
            boolean valid,
            String values,
            String note) {
        return historyLine(kind, round, pipeline.name(), counted, valid, values, note);
    }

    private String historyLine(
            String kind,
            int round,
            String pipeline,
            boolean counted,
            boolean valid,
            String values,
            String note) {
        return String.join(
                ",",
                result.finishedAt().toString(),
                kind,
                Long.toString(result.settings().events()),
                Long.toString(result.input().records()),
                Long.toString(result.settings().seed()),
                Integer.toString(round),
                pipeline,
                Boolean.toString(counted),
                Boolean.toString(valid),
                values,
                // Quoted, and without commas (thousands separators in the chain's notes), so that
                // a plain split on commas still finds every column.
                "\"" + note.replace("\"", "'").replace(",", "") + "\"");
    }
}
