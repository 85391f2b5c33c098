package io.strata.tools.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String SCRAPE =
            """
            # HELP flink_jobmanager_job_lastCheckpointSize lastCheckpointSize (scope: jobmanager_job)
            # TYPE flink_jobmanager_job_lastCheckpointSize gauge
            flink_jobmanager_job_lastCheckpointSize{job_id="j1",job_name="bronze-ingest",} 5321.0
            flink_taskmanager_job_task_operator_tenant_accepted{operator_name="Deduplicate by (tenant, event id)",tenant="acme",subtask_index="0",} 7.0
            flink_taskmanager_job_task_operator_tenant_accepted{operator_name="Deduplicate by (tenant, event id)",tenant="acme",subtask_index="1",} 5.0
            flink_taskmanager_job_task_operator_tenant_accepted{operator_name="a \\"quoted\\" name",tenant="globex",} 1.0
            flink_taskmanager_Status_JVM_CPU_Load NaN
            flink_taskmanager_job_task_operator_currentInputWatermark{tenant="acme"} -Inf 1700000000000
            """;

    @Test
    void readsNamesLabelsAndValues() {
        PrometheusText text = PrometheusText.parse(SCRAPE);

        assertThat(text.samples()).hasSize(6);
        assertThat(text.names())
                .containsExactly(
                        "flink_jobmanager_job_lastCheckpointSize",
                        "flink_taskmanager_Status_JVM_CPU_Load",
                        "flink_taskmanager_job_task_operator_currentInputWatermark",
                        "flink_taskmanager_job_task_operator_tenant_accepted");
        assertThat(
                        text.sum(
                                "flink_taskmanager_job_task_operator_tenant_accepted",
                                Map.of("tenant", "acme")))
                .isEqualTo(12.0);
        assertThat(
                        text.select(
                                        "flink_taskmanager_job_task_operator_tenant_accepted",
                                        Map.of("tenant", "globex"))
                                .get(0)
                                .labels())
                .containsEntry("operator_name", "a \"quoted\" name");
        assertThat(text.samples().get(4).value()).isNaN();
        assertThat(text.samples().get(5).value()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void labelValuesAreFilteredLikeFlinksReporter() {
        assertThat(PrometheusText.flinkLabelValue("bronze-ingest")).isEqualTo("bronze_ingest");
        assertThat(PrometheusText.flinkLabelValue("Deduplicate by (tenant, event id)"))
                .isEqualTo("Deduplicate_by__tenant__event_id_");
        assertThat(PrometheusText.flinkLabelValue("_unattributed")).isEqualTo("_unattributed");
    }

    @Test
    void refusesWhatIsNotASample() {
        assertThatThrownBy(() -> PrometheusText.parse("<html>not metrics</html>"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrometheusText.parse("flink_x{a=\"b\"} twelve"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
