package io.strata.bronze;

import io.strata.common.control.TenantControlStream;
import io.strata.common.control.TenantControlTopic;
import io.strata.common.kafka.RawKafkaRecord;
import java.time.Duration;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

/** Test sources of the tenant control topic. */
public final class TenantControls {

    private TenantControls() {}

    /**
     * The control topic as it is now, bounded, for a bounded run (none there: nothing paused). The
     * topic is created first: a bounded source over a topic that does not exist never ends.
     */
    public static Source<RawKafkaRecord, ?, ?> bounded(ReadableConfig config, String group) {
        TenantControlTopic.ensure(config);
        return TenantControlStream.sourceBuilder(config, group, Duration.ofMinutes(1))
                .setBounded(OffsetsInitializer.latest())
                .build();
    }
}
