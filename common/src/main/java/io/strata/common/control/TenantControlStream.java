package io.strata.common.control;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.Uids;
import io.strata.common.kafka.KafkaSources;
import io.strata.common.kafka.RawKafkaRecord;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The tenant control topic as a job reads it: from its beginning, every record to every parallel
 * instance of the hold operator, without watermarks (the stream is always idle, so event time is
 * the data's alone). Uids {@code <job>-control-source} and {@code <job>-control-read}.
 */
public final class TenantControlStream {

    public static final TypeInformation<TenantControl> TYPE =
            TypeInformation.of(TenantControl.class);

    private TenantControlStream() {}

    /** The Kafka source of {@link StrataOptions#CONTROL_TENANTS_TOPIC}, from the beginning. */
    public static KafkaSource<RawKafkaRecord> source(
            ReadableConfig config, String groupId, Duration partitionDiscovery) {
        return sourceBuilder(config, groupId, partitionDiscovery).build();
    }

    /** {@link #source}'s builder, e.g. to bound it in a test. */
    public static KafkaSourceBuilder<RawKafkaRecord> sourceBuilder(
            ReadableConfig config, String groupId, Duration partitionDiscovery) {
        return KafkaSources.rawRecords(
                config,
                Pattern.compile(Pattern.quote(config.get(StrataOptions.CONTROL_TENANTS_TOPIC))),
                groupId + "-control",
                OffsetsInitializer.earliest(),
                partitionDiscovery);
    }

    /** The controls read from {@code source}, broadcast to every downstream instance. */
    public static DataStream<TenantControl> broadcast(
            StreamExecutionEnvironment env, Source<RawKafkaRecord, ?, ?> source, Uids uids) {
        return env.fromSource(source, alwaysIdle(), "Tenant control topic")
                .uid(uids.of("control-source"))
                .process(new ReadTenantControl())
                .returns(TYPE)
                .uid(uids.of("control-read"))
                .name("Read tenant controls")
                .broadcast();
    }

    static <T> WatermarkStrategy<T> alwaysIdle() {
        return context -> new AlwaysIdle<>();
    }

    /** No watermarks, and idle: the hold's watermark is the data input's alone. */
    private static final class AlwaysIdle<T> implements WatermarkGenerator<T> {
        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.markIdle();
        }
    }
}
