package io.strata.testing.registry;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

/** What a Flink task hands to {@code open()} of (de)serialization schemas, for tests. */
final class FlinkSchemaContexts {

    private FlinkSchemaContexts() {}

    static SerializationSchema.InitializationContext serialization() {
        return new SerializationSchema.InitializationContext() {
            @Override
            public MetricGroup getMetricGroup() {
                return new UnregisteredMetricsGroup();
            }

            @Override
            public UserCodeClassLoader getUserCodeClassLoader() {
                return classLoader();
            }
        };
    }

    static DeserializationSchema.InitializationContext deserialization() {
        return new DeserializationSchema.InitializationContext() {
            @Override
            public MetricGroup getMetricGroup() {
                return new UnregisteredMetricsGroup();
            }

            @Override
            public UserCodeClassLoader getUserCodeClassLoader() {
                return classLoader();
            }
        };
    }

    private static UserCodeClassLoader classLoader() {
        return SimpleUserCodeClassLoader.create(FlinkSchemaContexts.class.getClassLoader());
    }
}
