package io.strata.testing;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** Flink MiniCluster settings shared by every {@code *ITCase}. */
public final class FlinkMiniCluster {

    public static final int TASK_MANAGERS = 1;
    public static final int SLOTS_PER_TASK_MANAGER = 4;

    private FlinkMiniCluster() {}

    /**
     * A MiniCluster extension for a static field ({@code @RegisterExtension}). Restarts are off:
     * with checkpointing on, Flink would otherwise retry forever and a failing test never ends;
     * tests that inject failures set their own restart strategy on the job.
     */
    public static MiniClusterExtension extension() {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(TASK_MANAGERS)
                        .setNumberSlotsPerTaskManager(SLOTS_PER_TASK_MANAGER)
                        .setConfiguration(configuration())
                        .build());
    }

    /** The cluster configuration: no restarts, Strata's pipeline rules enforced. */
    public static Configuration configuration() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.setString("pipeline.auto-generate-uid", "false");
        conf.setString("pipeline.generic-types", "false");
        return conf;
    }
}
