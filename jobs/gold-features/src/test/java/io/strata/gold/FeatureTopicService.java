package io.strata.gold;

import io.strata.model.gold.CustomerFeatures;
import io.strata.testing.TopicReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema.Field;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.apache.flink.avro.shaded.org.apache.avro.Conversions;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.data.TimeConversions;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumReader;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;
import org.apache.flink.avro.shaded.org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A service reading {@code gold.customer-features} with nothing of Strata's: a plain {@link
 * KafkaConsumer} from the earliest offsets, Confluent's schema-registry client (the copy shaded
 * into Flink's {@code flink-sql-avro-confluent-registry}) and Avro generic records, keeping the
 * latest value per key. Records are decoded as Confluent's {@code KafkaAvroDeserializer} does with
 * {@code specific.avro.reader=false} and logical-type converters on (magic byte 0, the writer
 * schema's registry id, the Avro body read with that schema); the deserializer itself ({@code
 * io.confluent:kafka-avro-serializer}) is neither in that jar nor on Maven Central.
 */
final class FeatureTopicService {

    private static final byte MAGIC_BYTE = 0;
    private static final int HEADER_SIZE = 5;

    private final SchemaRegistryClient registry;
    private final GenericData model = new GenericData();

    FeatureTopicService(String registryUrl) {
        registry = new CachedSchemaRegistryClient(registryUrl, 100);
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    }

    /**
     * The latest value per key of {@code topic}, read to its end as a read_committed consumer sees
     * it once the job's Kafka transactions have settled; a tombstone removes its key.
     */
    Map<GenericRecord, GenericRecord> latest(String bootstrapServers, String topic)
            throws IOException, RestClientException {
        Map<GenericRecord, GenericRecord> latest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r :
                TopicReader.settledRecords(bootstrapServers, topic)) {
            GenericRecord key = decode(r.key());
            if (r.value() == null) {
                latest.remove(key);
            } else {
                latest.put(key, decode(r.value()));
            }
        }
        return latest;
    }

    private GenericRecord decode(byte[] bytes) throws IOException, RestClientException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.get() != MAGIC_BYTE) {
            throw new IOException("not Confluent-framed Avro");
        }
        Schema writer = ((AvroSchema) registry.getSchemaById(buffer.getInt())).rawSchema();
        return new GenericDatumReader<GenericRecord>(writer, writer, model)
                .read(
                        null,
                        DecoderFactory.get()
                                .binaryDecoder(
                                        bytes, HEADER_SIZE, bytes.length - HEADER_SIZE, null));
    }

    /**
     * A value as the job's {@link CustomerFeatures}, field by field by name ({@code computed_at} at
     * the epoch), to compare with the oracle's rows.
     */
    static CustomerFeatures features(GenericRecord value) {
        CustomerFeatures row = new CustomerFeatures();
        for (Field f : CustomerFeatures.getClassSchema().getFields()) {
            Object v = value.get(f.name());
            row.put(f.pos(), v instanceof CharSequence s ? s.toString() : v);
        }
        row.setComputedAt(Instant.EPOCH);
        return row;
    }
}
