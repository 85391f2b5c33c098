package io.strata.common.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes a generated Avro class in Confluent's wire format under one subject, registering (or,
 * lookup-only, finding) its schema on first use. Serializable for Flink; the registry client and
 * Avro writer are created lazily on the task.
 */
public final class ConfluentAvroSerializer<T extends SpecificRecord> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final String subject;
    private final RegistryClientConfig config;

    private transient Schema schema;
    private transient SpecificDatumWriter<T> writer;
    private transient ByteArrayOutputStream out;
    private transient BinaryEncoder encoder;
    // Held while this serializer lives: the shared client is only weakly held (RegistryClients).
    private transient RegistryClient registry;
    // Null until registered; a transient int would come back from Java serialization as 0.
    private transient Integer schemaId;

    public ConfluentAvroSerializer(Class<T> type, String subject, RegistryClientConfig config) {
        this.type = Objects.requireNonNull(type, "type");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A serializer for a topic's values (subject {@code <topic>-value}). */
    public static <T extends SpecificRecord> ConfluentAvroSerializer<T> forValue(
            Class<T> type, String topic, RegistryClientConfig config) {
        return new ConfluentAvroSerializer<>(type, SubjectNames.valueSubject(topic), config);
    }

    /** A serializer for a topic's keys (subject {@code <topic>-key}). */
    public static <T extends SpecificRecord> ConfluentAvroSerializer<T> forKey(
            Class<T> type, String topic, RegistryClientConfig config) {
        return new ConfluentAvroSerializer<>(type, SubjectNames.keySubject(topic), config);
    }

    /** The framed bytes of a record; null for null (a Kafka tombstone). */
    public synchronized byte[] serialize(T record) {
        if (record == null) {
            return null;
        }
        int id = schemaId();
        out.reset();
        ConfluentWireFormat.writeHeader(out, id);
        try {
            encoder = EncoderFactory.get().binaryEncoder(out, encoder);
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            // Writing to memory fails only on a record that does not match its own schema.
            throw new UncheckedIOException("Could not write " + type.getName(), e);
        }
        return out.toByteArray();
    }

    /** The registry id of this serializer's schema, registered or looked up on first call. */
    public synchronized int schemaId() {
        if (schemaId == null) {
            SpecificData model = SpecificData.getForClass(type);
            schema = model.getSchema(type);
            writer = new SpecificDatumWriter<>(schema, model);
            out = new ByteArrayOutputStream(256);
            registry = RegistryClients.shared(config);
            schemaId =
                    config.autoRegister()
                            ? registry.register(subject, schema)
                            : registry.lookup(subject, schema);
        }
        return schemaId;
    }

    public String subject() {
        return subject;
    }
}
