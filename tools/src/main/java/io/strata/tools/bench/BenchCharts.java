package io.strata.tools.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** The report's PNG charts, drawn headless with JFreeChart: medians per pipeline, per round. */
final class BenchCharts {

    static final String THROUGHPUT = "throughput.png";
    static final String CPU = "events-per-cpu-second.png";
    static final String LATENCY = "latency.png";

    private BenchCharts() {}

    static void write(BenchResult result, Path dir) throws IOException {
        // No display on a build machine: AWT must not look for one.
        System.setProperty("java.awt.headless", "true");
        bars(
                result,
                dir.resolve(THROUGHPUT),
                "Throughput (events/s)",
                Measurement::eventsPerSecond,
                true);
        bars(
                result,
                dir.resolve(CPU),
                "Events per TaskManager CPU-second",
                Measurement::eventsPerCpuSecond,
                false);
        if (!result.latencies().isEmpty()) {
            latency(result, dir.resolve(LATENCY));
        }
    }

    /** Latency percentiles per pipeline, in milliseconds. */
    private static void latency(BenchResult result, Path file) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (LatencyRun.Result r : result.latencies()) {
            Latencies l = r.latencies();
            data.addValue(l.p50(), r.pipeline().label(), "p50");
            data.addValue(l.p95(), r.pipeline().label(), "p95");
            data.addValue(l.p99(), r.pipeline().label(), "p99");
            data.addValue(l.max(), r.pipeline().label(), "max");
        }
        JFreeChart chart =
                ChartFactory.createBarChart(
                        "Event produced → visible in Iceberg (ms)",
                        null,
                        "milliseconds",
                        data,
                        PlotOrientation.VERTICAL,
                        true,
                        false,
                        false);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 500);
    }

    /**
     * One bar per pipeline and counted round; the raw consumer's CPU is its own thread's, not the
     * TaskManager's, so it is left out of the CPU chart.
     */
    private static void bars(
            BenchResult result,
            Path file,
            String title,
            ToDoubleFunction<Measurement> value,
            boolean withRaw)
            throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Measurement.Pipeline p : Measurement.Pipeline.values()) {
            if (p == Measurement.Pipeline.RAW && !withRaw) {
                continue;
            }
            for (Measurement m : result.counted(p)) {
                data.addValue(value.applyAsDouble(m), p.label(), "round " + m.round());
            }
            OptionalDouble median = result.median(p, value);
            if (median.isPresent()) {
                data.addValue(median.getAsDouble(), p.label(), "median");
            }
        }
        JFreeChart chart =
                ChartFactory.createBarChart(
                        title + ", " + result.input().records() + " records",
                        null,
                        title,
                        data,
                        PlotOrientation.VERTICAL,
                        true,
                        false,
                        false);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 500);
    }
}
