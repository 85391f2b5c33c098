package io.strata.testing.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.testing.FlinkMiniCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * How bad-input tests watch a running job: a MiniCluster whose metrics a test can read, and the
 * proof that the job ran through its input without a failure or restart.
 */
public final class RunningJobs {

    private RunningJobs() {}

    /** The shared MiniCluster settings, with {@code metrics} receiving every metric. */
    public static MiniClusterExtension cluster(InMemoryReporter metrics) {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(FlinkMiniCluster.TASK_MANAGERS)
                        .setNumberSlotsPerTaskManager(FlinkMiniCluster.SLOTS_PER_TASK_MANAGER)
                        .setConfiguration(
                                metrics.addToConfiguration(FlinkMiniCluster.configuration()))
                        .build());
    }

    /**
     * The job's metrics named {@code name}, one per subtask (counters and gauges), found by group:
     * the reporter's identifier map cannot be used, the Iceberg writers register some metrics
     * twice.
     */
    public static List<Long> metric(InMemoryReporter metrics, JobID job, String name) {
        List<Long> values = new ArrayList<>();
        for (Map.Entry<MetricGroup, Map<String, Metric>> g :
                metrics.getMetricsByGroup().entrySet()) {
            Metric m = g.getValue().get(name);
            if (m != null && job.toString().equals(g.getKey().getAllVariables().get("<job_id>"))) {
                values.add(
                        m instanceof Counter c
                                ? c.getCount()
                                : ((Number) ((Gauge<?>) m).getValue()).longValue());
            }
        }
        return values;
    }

    /** The sum of {@link #metric} over the job's subtasks. */
    public static long sum(InMemoryReporter metrics, JobID job, String name) {
        return metric(metrics, job, name).stream().mapToLong(Long::longValue).sum();
    }

    /** Asserts the job is still running and never restarted; cancels it either way. */
    public static void assertRanThrough(JobClient job, InMemoryReporter metrics) throws Exception {
        try {
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            assertThat(metric(metrics, job.getJobID(), "numRestarts"))
                    .as("the job's numRestarts metric")
                    .containsExactly(0L);
        } finally {
            job.cancel().get();
        }
    }
}
