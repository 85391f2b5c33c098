package io.strata.common.flink;

import io.strata.common.config.StrataOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The execution environment of every Strata job, with the house rules switched on: no operator
 * without an explicit uid, no Kryo fallback, exactly-once checkpoints (Iceberg commits and Kafka
 * transactions ride on them).
 */
public final class StrataEnvironment {

    private StrataEnvironment() {}

    /** An environment configured from {@code config} with Strata's pipeline rules enforced. */
    public static StreamExecutionEnvironment create(Configuration config) {
        return StreamExecutionEnvironment.getExecutionEnvironment(withRules(config));
    }

    /**
     * The name the job runs under: Flink's {@code pipeline.name} when given (e.g. a replay's
     * "silver-conform replay ..."), else {@code job}.
     */
    public static String jobName(ReadableConfig config, String job) {
        return config.getOptional(PipelineOptions.NAME).orElse(job);
    }

    /** {@code config} plus the rules; Flink's own checkpoint interval key wins when given. */
    public static Configuration withRules(Configuration config) {
        Configuration conf = new Configuration(config);
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        if (!conf.contains(CheckpointingOptions.CHECKPOINTING_INTERVAL)) {
            conf.set(
                    CheckpointingOptions.CHECKPOINTING_INTERVAL,
                    conf.get(StrataOptions.CHECKPOINT_INTERVAL));
        }
        conf.set(
                CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
                CheckpointingMode.EXACTLY_ONCE);
        return conf;
    }
}
