package io.strata.gold.vault;

import io.strata.common.serde.ConfluentAvroSerializer;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.gold.input.SilverEntity;
import io.strata.model.silver.EntityMeta;
import io.strata.testing.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A test's Silver topics ({@code prefix + entity name}, one partition each), written as
 * silver-conform writes them: Confluent-framed Avro values keyed {@code tenant|business key}.
 */
public final class SilverTopics implements AutoCloseable {

    private final String prefix;
    private final Map<SilverEntity, ConfluentAvroSerializer<SpecificRecordBase>> serializers =
            new EnumMap<>(SilverEntity.class);
    private final KafkaProducer<byte[], byte[]> producer;
    private long sent;

    @SuppressWarnings("unchecked")
    public SilverTopics(KafkaBroker kafka, String registryUrl, String prefix) {
        this.prefix = prefix;
        for (SilverEntity e : SilverEntity.values()) {
            kafka.createTopic(topic(e), 1);
            serializers.put(
                    e,
                    ConfluentAvroSerializer.forValue(
                            (Class<SpecificRecordBase>) e.type(),
                            topic(e),
                            RegistryClientConfig.of(registryUrl)));
        }
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    public String topic(SilverEntity entity) {
        return prefix + entity.entityName();
    }

    /** Publishes a row version of {@code entity} whose business key is {@code key}. */
    public void send(SilverEntity entity, String key, SpecificRecordBase row) {
        String tenant = ((EntityMeta) row.get("meta")).getTenantId();
        producer.send(
                new ProducerRecord<>(
                        topic(entity),
                        (tenant + "|" + key).getBytes(StandardCharsets.UTF_8),
                        serializers.get(entity).serialize(row)));
        sent++;
    }

    /** Publishes bytes that are no Silver row to {@code entity}'s topic. */
    public void sendUnreadable(SilverEntity entity, String key, byte[] value) {
        producer.send(
                new ProducerRecord<>(topic(entity), key.getBytes(StandardCharsets.UTF_8), value));
        sent++;
    }

    /** Waits until everything sent is on the broker; returns how many records that is. */
    public long flush() {
        producer.flush();
        return sent;
    }

    @Override
    public void close() {
        producer.close();
    }
}
