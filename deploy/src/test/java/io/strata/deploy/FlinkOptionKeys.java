package io.strata.deploy;

import io.strata.common.flink.DeclaredOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ClusterOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.contrib.streaming.state.RocksDBConfigurableOptions;
import org.apache.flink.contrib.streaming.state.RocksDBOptions;

/**
 * The keys Flink 1.20 declares in the option classes a Strata cluster configures, so a misspelt key
 * in a Flink configuration (which Flink itself ignores silently) fails a test. Keys of plugins and
 * reporters, which declare theirs elsewhere, pass by prefix.
 */
final class FlinkOptionKeys {

    /** The S3 file system plugin (s3.*), reporters' own settings, JVM options. */
    static final List<String> PLUGIN_PREFIXES =
            List.of("s3.", "metrics.reporter.", "env.java.opts.", "kubernetes.");

    private static final Set<String> KEYS = keys();

    private FlinkOptionKeys() {}

    static boolean isKnown(String key) {
        return KEYS.contains(key) || PLUGIN_PREFIXES.stream().anyMatch(key::startsWith);
    }

    private static Set<String> keys() {
        Set<String> keys = new HashSet<>();
        List<ConfigOption<?>> options =
                DeclaredOptions.of(
                                CoreOptions.class,
                                CheckpointingOptions.class,
                                StateBackendOptions.class,
                                StateRecoveryOptions.class,
                                RocksDBOptions.class,
                                RocksDBConfigurableOptions.class,
                                JobManagerOptions.class,
                                TaskManagerOptions.class,
                                RestOptions.class,
                                WebOptions.class,
                                MetricOptions.class,
                                RestartStrategyOptions.class,
                                ClusterOptions.class,
                                DeploymentOptions.class,
                                PipelineOptions.class,
                                HighAvailabilityOptions.class)
                        .options();
        for (ConfigOption<?> option : options) {
            keys.add(option.key());
            StreamSupport.stream(option.fallbackKeys().spliterator(), false)
                    .map(FallbackKey::getKey)
                    .forEach(keys::add);
        }
        return keys;
    }
}
