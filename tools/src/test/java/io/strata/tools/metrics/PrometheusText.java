package io.strata.tools.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The samples of one scrape in Prometheus's text exposition format (version 0.0.4, what Flink's
 * Prometheus reporter serves): {@code name{label="value",...} value [timestamp]}, comments skipped.
 * Enough of the format to check what the local cluster exports, not a general client.
 */
public record PrometheusText(List<Sample> samples) {

    /** One sample: metric name, labels and value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    /**
     * A label value as Flink's Prometheus reporter exports it: every character outside {@code
     * [a-zA-Z0-9_:]} becomes {@code _}, so job {@code bronze-ingest} is {@code bronze_ingest}.
     */
    public static String flinkLabelValue(String value) {
        return value.replaceAll("[^a-zA-Z0-9_:]", "_");
    }

    /** Parses a scrape; a line that is neither a comment nor a sample is an error. */
    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
        return new PrometheusText(samples);
    }

    /** The distinct metric names of the scrape. */
    public Set<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The samples of {@code name} whose labels include every entry of {@code labels}. */
    public List<Sample> select(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /** The sum of {@link #select}'s values (e.g. a counter over all subtasks). */
    public double sum(String name, Map<String, String> labels) {
        return select(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (brace < 0 || (space >= 0 && space < brace)) {
            String[] parts = line.trim().split("\\s+");
            require(parts.length >= 2, line);
            return new Sample(parts[0], Map.of(), value(parts[1], line));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int i = brace + 1;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf("=\"", i);
            require(eq > i, line);
            String label = line.substring(i, eq);
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; line.charAt(j) != '"'; j++) {
                char c = line.charAt(j);
                if (c == '\\') {
                    char escaped = line.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(label, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        String[] rest = line.substring(i + 1).trim().split("\\s+");
        return new Sample(line.substring(0, brace), labels, value(rest[0], line));
    }

    private static double value(String text, String line) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Not a sample value in: " + line, e);
                }
            }
        };
    }

    private static void require(boolean condition, String line) {
        if (!condition) {
            throw new IllegalArgumentException("Not a Prometheus sample: " + line);
        }
    }
}
