package io.strata.gold.features;

import io.strata.common.serde.ConfluentAvroSerializer;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.gold.input.SilverEntity;
import io.strata.model.silver.EntityMeta;
import io.strata.testing.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Silver topics in a test, written as silver-conform writes them: one per entity under a prefix
 * of the test's own, Confluent-framed Avro, keyed {@code tenant|business key}. One partition each,
 * so each topic is read in the order it is written.
 */
final class SilverTopics implements AutoCloseable {

    private static final List<SilverEntity> ENTITIES =
            List.of(SilverEntity.ORDER, SilverEntity.SUPPORT_TICKET, SilverEntity.PRODUCT_RETURN);

    final String prefix;
    private final Map<SilverEntity, ConfluentAvroSerializer<SpecificRecordBase>> serializers =
            new EnumMap<>(SilverEntity.class);
    private final KafkaProducer<byte[], byte[]> producer;

    @SuppressWarnings("unchecked")
    SilverTopics(KafkaBroker kafka, String registryUrl, String name) {
        this.prefix = "silver." + name + ".";
        for (SilverEntity e : ENTITIES) {
            kafka.createTopic(prefix + e.entityName(), 1);
            serializers.put(
                    e,
                    ConfluentAvroSerializer.forValue(
                            (Class<SpecificRecordBase>) e.type(),
                            prefix + e.entityName(),
                            RegistryClientConfig.of(registryUrl)));
        }
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        props.put("linger.ms", "5");
        this.producer = new KafkaProducer<>(props);
    }

    /** Writes {@code rows} in order, each to its entity's topic. */
    void send(List<? extends SpecificRecordBase> rows) {
        for (SpecificRecordBase row : rows) {
            SilverEntity entity = entity(row);
            CustomerEvent event = FeaturePipeline.event(row);
            String key = ((EntityMeta) row.get("meta")).getTenantId() + "|" + event.version.key;
            producer.send(
                    new ProducerRecord<>(
                            prefix + entity.entityName(),
                            key.getBytes(StandardCharsets.UTF_8),
                            serializers.get(entity).serialize(row)));
        }
        producer.flush();
    }

    private static SilverEntity entity(SpecificRecordBase row) {
        for (SilverEntity e : ENTITIES) {
            if (e.type().isInstance(row)) {
                return e;
            }
        }
        throw new IllegalArgumentException(row.getClass().getName());
    }

    @Override
    public void close() {
        producer.close();
    }
}
