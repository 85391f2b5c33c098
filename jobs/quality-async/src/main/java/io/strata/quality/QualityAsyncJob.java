package io.strata.quality;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.DeclaredOptions;
import io.strata.common.flink.JobConfig;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.kafka.KafkaSources;
import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.lineage.LineageJobListener;
import io.strata.common.lineage.LineageRun;
import io.strata.quality.silver.SilverTopic;
import io.strata.quality.sink.IcebergQualitySinks;
import io.strata.quality.sink.KafkaAlertSink;
import io.strata.quality.sink.QualitySinks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * quality-async: {@code flink run quality-async.jar [--config file.yaml] [--key value ...]}. Wires
 * the production sources (the manifest topic, the Silver topics) and sinks (Iceberg ops tables, the
 * alerts topic); the graph is {@link QualityAsyncTopology}.
 */
public final class QualityAsyncJob {

    private QualityAsyncJob() {}

    public static void main(String[] args) throws Exception {
        Configuration config = JobConfig.fromArgs(args);
        DeclaredOptions.checkJob(config, QualityAsyncOptions.class, QualityAsyncOptions.PREFIX);
        environment(config).execute(StrataEnvironment.jobName(config, QualityAsyncTopology.JOB));
    }

    /** The environment {@code main} executes: Strata's rules and the production graph. */
    public static StreamExecutionEnvironment environment(Configuration config) {
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        new QualityAsyncTopology(
                        config, manifestSource(config), silverSource(config), sinks(config))
                .build(env);
        LineageJobListener.register(env, lineage(config));
        return env;
    }

    /**
     * What quality-async's OpenLineage events name: the manifest and Silver topics in, the ops
     * tables and the alerts topic out. START and COMPLETE/FAIL only: the job writes no manifest
     * windows of its own, which is where the other jobs send RUNNING on checkpoints.
     */
    static Optional<LineageRun> lineage(ReadableConfig config) {
        List<String> inputs = new ArrayList<>();
        inputs.add(config.get(StrataOptions.MANIFEST_TOPIC));
        Arrays.stream(SilverTopic.values())
                .map(t -> config.get(QualityAsyncOptions.SILVER_TOPIC_PREFIX) + t.entityName())
                .forEach(inputs::add);
        List<TableIdentifier> tables =
                Stream.of(
                                QualityAsyncOptions.MANIFEST_TABLE,
                                QualityAsyncOptions.QUALITY_RESULTS_TABLE,
                                QualityAsyncOptions.ALERTS_TABLE,
                                QualityAsyncOptions.QUARANTINE_TABLE)
                        .map(option -> TableIdentifier.parse(config.get(option)))
                        .toList();
        return LineageRun.of(
                config,
                QualityAsyncTopology.JOB,
                inputs,
                tables,
                List.of(config.get(QualityAsyncOptions.ALERTS_TOPIC)));
    }

    /** The Kafka source of the manifest topic. */
    public static KafkaSource<RawKafkaRecord> manifestSource(ReadableConfig config) {
        return KafkaSources.rawRecords(
                        config,
                        Pattern.compile(Pattern.quote(config.get(StrataOptions.MANIFEST_TOPIC))),
                        config.get(QualityAsyncOptions.GROUP_ID),
                        startingOffsets(config.get(QualityAsyncOptions.START_FROM)),
                        config.get(QualityAsyncOptions.PARTITION_DISCOVERY))
                .build();
    }

    /**
     * The Kafka source of the Silver topics ({@code <prefix><entity>}), read with the consumer
     * group {@code <group-id>-silver}.
     */
    public static KafkaSource<RawKafkaRecord> silverSource(ReadableConfig config) {
        String entities =
                Arrays.stream(SilverTopic.values())
                        .map(SilverTopic::entityName)
                        .collect(Collectors.joining("|"));
        return KafkaSources.rawRecords(
                        config,
                        Pattern.compile(
                                Pattern.quote(config.get(QualityAsyncOptions.SILVER_TOPIC_PREFIX))
                                        + "("
                                        + entities
                                        + ")"),
                        config.get(QualityAsyncOptions.GROUP_ID) + "-silver",
                        startingOffsets(config.get(QualityAsyncOptions.START_FROM)),
                        config.get(QualityAsyncOptions.PARTITION_DISCOVERY))
                .build();
    }

    /** The Iceberg ops tables and the alerts topic. */
    public static QualitySinks sinks(ReadableConfig config) {
        return QualitySinks.all(
                List.of(new IcebergQualitySinks(config), new KafkaAlertSink(config)));
    }

    private static OffsetsInitializer startingOffsets(QualityAsyncOptions.StartFrom from) {
        return switch (from) {
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
        };
    }
}
