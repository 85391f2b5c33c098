package io.strata.tools.stack;

/**
 * A process of the local Flink session cluster, started the way Flink's own scripts start it: the
 * JobManager (REST API and web UI) or the single TaskManager.
 */
public final class FlinkService extends ManagedService {

    public static final String JOBMANAGER = "flink-jobmanager";
    public static final String TASKMANAGER = "flink-taskmanager";

    private final boolean jobManager;
    private final FlinkDistribution flink;

    private FlinkService(StackHome home, String name, boolean jobManager) {
        // Flink logs to <name>.log itself (-Dlog.file); stdout goes to <name>.out.
        super(
                home,
                name,
                JavaCommand.markerOf(name, home),
                home.logFile(name).resolveSibling(name + ".out"));
        this.jobManager = jobManager;
        this.flink = new FlinkDistribution(home);
    }

    public static FlinkService jobManager(StackHome home) {
        return new FlinkService(home, JOBMANAGER, true);
    }

    public static FlinkService taskManager(StackHome home) {
        return new FlinkService(home, TASKMANAGER, false);
    }

    @Override
    public int port() {
        return home.get(
                jobManager
                        ? StackOptions.FLINK_REST_PORT
                        : StackOptions.FLINK_TASKMANAGER_RPC_PORT);
    }

    @Override
    public String endpoint() {
        String metrics = ", metrics " + metricsUrl();
        return (jobManager ? restUrl() : home.get(StackOptions.FLINK_TASK_SLOTS) + " slots")
                + metrics;
    }

    /**
     * The process's Prometheus endpoint: the JobManager's carries job-level metrics (checkpoints),
     * the TaskManager's the operators' (throughput, consumer lag, the jobs' own counters).
     */
    public String metricsUrl() {
        return "http://localhost:" + metricsPort() + "/metrics";
    }

    private int metricsPort() {
        return home.get(
                jobManager
                        ? StackOptions.FLINK_JOBMANAGER_METRICS_PORT
                        : StackOptions.FLINK_TASKMANAGER_METRICS_PORT);
    }

    private String restUrl() {
        return "http://localhost:" + home.get(StackOptions.FLINK_REST_PORT);
    }

    @Override
    public void start() {
        if (jobManager) {
            flink.startProcess(
                    process(),
                    name(),
                    "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                    "GET_JM_RESOURCE_PARAMS",
                    metricsPort());
        } else {
            flink.startProcess(
                    process(),
                    name(),
                    "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                    "GET_TM_RESOURCE_PARAMS",
                    metricsPort());
        }
    }

    /** The JobManager answers REST; a TaskManager is ready once the JobManager lists it. */
    @Override
    public boolean isReady() {
        if (jobManager) {
            return Probes.httpGet(restUrl() + "/config").isPresent();
        }
        return Probes.httpGet(restUrl() + "/taskmanagers")
                .map(body -> body.contains("\"id\""))
                .orElse(false);
    }
}
