package io.strata.tools.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.strata.tools.stack.StackOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The files of {@code docker/} parse and agree with each other and with the stack: the dashboard's
 * panels all query Flink metrics through the data-source variable, it covers each topic of the
 * Observability issue, and Prometheus scrapes the ports the stack gives its reporters. Whether the
 * queried names exist is {@code LocalStackIT}'s part.
 */
class DashboardFilesTest {

    private static final Path DOCKER = Path.of("../docker");
    private static final String P = "flink_taskmanager_job_task_operator_";

    private final GrafanaDashboard dashboard =
            GrafanaDashboard.read(DOCKER.resolve("grafana/strata.json"));

    @Test
    void everyPanelQueriesFlinkMetrics() {
        assertThat(dashboard.title()).isEqualTo("Strata");
        assertThat(dashboard.panels()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(dashboard.panels().stream().map(GrafanaDashboard.Panel::title))
                .doesNotHaveDuplicates();
        for (GrafanaDashboard.Panel panel : dashboard.panels()) {
            assertThat(panel.expressions()).as(panel.title()).isNotEmpty();
            for (String expression : panel.expressions()) {
                assertThat(GrafanaDashboard.metricNames(expression))
                        .as(panel.title() + ": " + expression)
                        .isNotEmpty();
                assertThat(expression).as(panel.title()).contains("job_name=~\"$job\"");
                assertThat(balanced(expression)).as(expression).isTrue();
            }
        }
    }

    @Test
    void panelsAndTargetsUseTheDataSourceVariable() throws IOException {
        JsonNode root = new ObjectMapper().readTree(DOCKER.resolve("grafana/strata.json").toFile());
        List<String> dataSources = new ArrayList<>();
        for (JsonNode panel : root.path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                dataSources.add(panel.path("datasource").path("uid").asText());
                panel.path("targets")
                        .forEach(t -> dataSources.add(t.path("datasource").path("uid").asText()));
            }
        }
        assertThat(dataSources).isNotEmpty().containsOnly("${datasource}");
    }

    @Test
    void coversEachTopicOfTheObservabilityIssue() {
        assertThat(dashboard.metricNames())
                .contains(
                        P + "numRecordsOutPerSecond", // throughput
                        P + "pendingRecords", // consumer lag
                        P + "KafkaSourceReader_KafkaConsumer_records_lag_max",
                        "flink_jobmanager_job_lastCheckpointDuration", // checkpoints
                        "flink_jobmanager_job_lastCheckpointSize",
                        P + "IcebergFilesCommitter_table_committedDataFilesCount", // Iceberg
                        P + "tenant_duplicates", // duplicates per tenant
                        P + "tenant_refused", // quarantine per tenant
                        P + "reason_quarantined",
                        P + "IcebergFilesCommitter_table_elapsedSecondsSinceLastSuccessfulCommit");
    }

    @Test
    void allowListedMetricsAreStillQueried() {
        assertThat(dashboard.metricNames()).containsAll(NotScrapedByLocalStackIT.METRICS.keySet());
    }

    @Test
    void prometheusScrapesTheStacksReporterPorts() throws IOException {
        JsonNode config =
                new ObjectMapper(new YAMLFactory())
                        .readTree(DOCKER.resolve("prometheus.yml").toFile());
        List<String> targets = new ArrayList<>();
        for (JsonNode job : config.path("scrape_configs")) {
            assertThat(job.path("metrics_path").asText("/metrics")).isEqualTo("/metrics");
            job.path("static_configs")
                    .forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
        }
        assertThat(targets)
                .containsExactlyInAnyOrder(
                        "localhost:" + StackOptions.FLINK_JOBMANAGER_METRICS_PORT.defaultValue(),
                        "localhost:" + StackOptions.FLINK_TASKMANAGER_METRICS_PORT.defaultValue());
    }

    private static boolean balanced(String expression) {
        int depth = 0;
        for (char c : expression.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
