package io.strata.common.serde;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

/** The contexts a Flink task passes to {@code open()} of (de)serialization schemas. */
final class FlinkContexts
        implements SerializationSchema.InitializationContext,
                DeserializationSchema.InitializationContext {

    static final FlinkContexts INSTANCE = new FlinkContexts();

    @Override
    public MetricGroup getMetricGroup() {
        return new UnregisteredMetricsGroup();
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
        return SimpleUserCodeClassLoader.create(FlinkContexts.class.getClassLoader());
    }
}
