package io.strata.bronze.sink;

import io.strata.bronze.BronzeIngestOptions;
import io.strata.common.config.StrataOptions;
import io.strata.common.flink.Uids;
import io.strata.common.kafka.AvroTopics;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QuarantineRecord;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Writes Bronze to Kafka for silver-conform: {@code bronze.events} and {@code bronze.quarantine},
 * and the manifest to {@code ops.manifest}; Avro in Confluent's wire format, with the pipeline's
 * delivery mode (transactional by default).
 *
 * <p>Known issue: after a restart, a transactional producer of Flink's Kafka connector 3.4.0 is
 * sometimes refused by the broker with OutOfOrderSequenceException and retries until {@code
 * delivery.timeout.ms} (2 min by default) before the task fails and restarts again; content stays
 * exactly once (BronzeIngestWorkloadITCase), only latency suffers. {@code
 * strata.kafka.client.delivery.timeout.ms} shortens the stall.
 */
public final class KafkaBronzeSinks implements BronzeSinks {

    private final ReadableConfig config;

    public KafkaBronzeSinks(ReadableConfig config) {
        this.config = config;
    }

    @Override
    public void events(DataStream<BronzeEvent> events, Uids uids) {
        String topic = config.get(BronzeIngestOptions.EVENTS_TOPIC);
        AvroTopics.sink(
                events,
                config,
                transactionalIdPrefix("events"),
                topic,
                BronzeEvent.class,
                BronzeKafkaKeys::event,
                uids.of("kafka-events"));
    }

    @Override
    public void quarantine(DataStream<QuarantineRecord> quarantine, Uids uids) {
        String topic = config.get(BronzeIngestOptions.QUARANTINE_TOPIC);
        AvroTopics.sink(
                quarantine,
                config,
                transactionalIdPrefix("quarantine"),
                topic,
                QuarantineRecord.class,
                BronzeKafkaKeys::quarantine,
                uids.of("kafka-quarantine"));
    }

    @Override
    public void manifest(DataStream<ManifestRecord> manifest, Uids uids) {
        String topic = config.get(StrataOptions.MANIFEST_TOPIC);
        AvroTopics.sink(
                        manifest,
                        config,
                        transactionalIdPrefix("manifest"),
                        topic,
                        ManifestRecord.class,
                        ManifestRecord::getTenantId,
                        uids.of("kafka-manifest"))
                .setParallelism(1);
    }

    private String transactionalIdPrefix(String sink) {
        return config.get(BronzeIngestOptions.TRANSACTIONAL_ID_PREFIX) + "-" + sink;
    }
}
