package io.strata.bronze.cdc;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a change record as is. No explicit partition: Kafka's default partitioner hashes the key,
 * as Kafka Connect's Debezium does, so every change of a row lands on one partition in order.
 */
final class KafkaChangeRecordSerializer
        implements KafkaRecordSerializationSchema<KafkaChangeRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            KafkaChangeRecord record, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(record.topic, null, record.key, record.value);
    }
}
