package io.strata.tools.stack;

/** The single TaskManager of the local Flink session cluster. */
public final class FlinkTaskManagerService implements Service {

    public static final String NAME = "flink-taskmanager";

    private final StackHome home;
    private final FlinkDistribution flink;
    private final ManagedProcess process;

    public FlinkTaskManagerService(StackHome home) {
        this.home = home;
        this.flink = new FlinkDistribution(home);
        this.process =
                new ManagedProcess(
                        NAME,
                        home.pidFile(NAME),
                        home.home().resolve("logs").resolve(NAME + ".out"),
                        JavaCommand.markerOf(NAME, home));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int port() {
        return home.get(StackOptions.FLINK_TASKMANAGER_RPC_PORT);
    }

    @Override
    public String endpoint() {
        return home.get(StackOptions.FLINK_TASK_SLOTS) + " slots";
    }

    @Override
    public void start() {
        flink.startProcess(
                process,
                NAME,
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                "GET_TM_RESOURCE_PARAMS");
    }

    /** Ready once the JobManager lists a registered TaskManager. */
    @Override
    public boolean isReady() {
        String url = "http://localhost:" + home.get(StackOptions.FLINK_REST_PORT) + "/taskmanagers";
        return Probes.httpGet(url).map(body -> body.contains("\"id\"")).orElse(false);
    }

    @Override
    public ManagedProcess process() {
        return process;
    }
}
