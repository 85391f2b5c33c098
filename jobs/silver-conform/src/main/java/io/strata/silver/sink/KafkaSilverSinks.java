package io.strata.silver.sink;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.Uids;
import io.strata.common.kafka.AvroTopics;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QuarantineRecord;
import io.strata.silver.SilverConformOptions;
import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.state.SilverRecords;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Writes Silver to Kafka for gold-features: {@code silver.<entity>} topics keyed by {@link
 * SilverKafkaKeys} (a delete is the row with {@code meta.deleted}, so consumers see it) and the
 * quarantine topic, Avro in Confluent's wire format, with the pipeline's delivery mode. Missing
 * topics are created first ({@link SilverTopics}).
 */
public final class KafkaSilverSinks implements SilverSinks {

    private final ReadableConfig config;

    public KafkaSilverSinks(ReadableConfig config) {
        this.config = config;
        SilverTopics.ensure(config);
    }

    @Override
    public void rows(
            CanonicalEntity entity,
            DataStream<SpecificRecordBase> rows,
            DataStream<SpecificRecordBase> superseded,
            Uids uids) {
        String topic = SilverTopics.of(config, entity);
        String name = SilverSinks.uidName(entity);
        // A superseded version follows the newer one of its key (same key, same partition).
        AvroTopics.sink(
                rows.union(superseded),
                config,
                transactionalIdPrefix(name),
                topic,
                SilverRecords.recordClass(entity),
                row -> SilverKafkaKeys.of(entity, row),
                uids.of("kafka-" + name));
    }

    @Override
    public void quarantine(DataStream<QuarantineRecord> quarantine, Uids uids) {
        String topic = config.get(SilverConformOptions.QUARANTINE_TOPIC);
        AvroTopics.sink(
                quarantine,
                config,
                transactionalIdPrefix("quarantine"),
                topic,
                QuarantineRecord.class,
                QuarantineRecord::getTenantId,
                uids.of("kafka-quarantine"));
    }

    @Override
    public void manifest(DataStream<ManifestRecord> manifest, Uids uids) {
        AvroTopics.sink(
                        manifest,
                        config,
                        transactionalIdPrefix("manifest"),
                        config.get(StrataOptions.MANIFEST_TOPIC),
                        ManifestRecord.class,
                        ManifestRecord::getTenantId,
                        uids.of("kafka-manifest"))
                .setParallelism(1);
    }

    private String transactionalIdPrefix(String sink) {
        return config.get(SilverConformOptions.TRANSACTIONAL_ID_PREFIX) + "-" + sink;
    }
}
