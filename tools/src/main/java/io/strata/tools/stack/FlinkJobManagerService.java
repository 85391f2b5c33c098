package io.strata.tools.stack;

/** The JobManager of the local Flink session cluster (REST API and web UI). */
public final class FlinkJobManagerService implements Service {

    public static final String NAME = "flink-jobmanager";

    private final StackHome home;
    private final FlinkDistribution flink;
    private final ManagedProcess process;

    public FlinkJobManagerService(StackHome home) {
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
        return home.get(StackOptions.FLINK_REST_PORT);
    }

    @Override
    public String endpoint() {
        return "http://localhost:" + port();
    }

    @Override
    public void start() {
        flink.startProcess(
                process,
                NAME,
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                "GET_JM_RESOURCE_PARAMS");
    }

    @Override
    public boolean isReady() {
        return Probes.httpGet(endpoint() + "/config").isPresent();
    }

    @Override
    public ManagedProcess process() {
        return process;
    }
}
