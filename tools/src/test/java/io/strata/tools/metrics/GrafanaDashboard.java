package io.strata.tools.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL a Grafana dashboard JSON runs: each panel's target expressions and the template
 * variables' queries. Metric names are read out of the expressions as the identifiers starting with
 * {@code flink_}, the prefix of everything Flink's Prometheus reporter exports, so labels,
 * functions and keywords are never mistaken for metrics.
 */
public record GrafanaDashboard(String title, List<Panel> panels, List<String> variableQueries) {

    private static final Pattern METRIC = Pattern.compile("\\bflink_[A-Za-z0-9_]+");

    /** A panel with a query: its title and its targets' PromQL expressions. */
    public record Panel(String title, String type, List<String> expressions) {}

    public static GrafanaDashboard read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        List<Panel> panels = new ArrayList<>();
        for (JsonNode panel : root.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            List<String> expressions = new ArrayList<>();
            panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText()));
            panels.add(
                    new Panel(
                            panel.path("title").asText(),
                            panel.path("type").asText(),
                            expressions));
        }
        List<String> variableQueries = new ArrayList<>();
        for (JsonNode variable : root.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                JsonNode query = variable.path("query");
                variableQueries.add(
                        query.isObject() ? query.path("query").asText() : query.asText());
            }
        }
        return new GrafanaDashboard(root.path("title").asText(), panels, variableQueries);
    }

    /** Every metric name a panel or variable query references. */
    public Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        panels.forEach(p -> p.expressions().forEach(e -> names.addAll(metricNames(e))));
        variableQueries.forEach(q -> names.addAll(metricNames(q)));
        return names;
    }

    /** The metric names in one PromQL expression. */
    public static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(expression);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }
}
