package io.strata.common.serde;

import java.io.EOFException;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads Confluent-framed Avro into a generated class: the writer schema comes from the registry by
 * the id in the header and is resolved against the class's schema, so records written with older or
 * newer compatible schemas read fine. Anything unreadable raises {@link PoisonAvroException}.
 * Serializable for Flink; the registry client and readers are created lazily on the task.
 */
public final class ConfluentAvroDeserializer<T extends SpecificRecord> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final RegistryClientConfig config;

    private transient SpecificData model;
    private transient Schema readerSchema;
    private transient Map<Integer, SpecificDatumReader<T>> readers;
    private transient BinaryDecoder decoder;
    // Held while this deserializer lives: the shared client is only weakly held (RegistryClients).
    private transient RegistryClient registry;

    public ConfluentAvroDeserializer(Class<T> type, RegistryClientConfig config) {
        this.type = Objects.requireNonNull(type, "type");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The record in the bytes; null for null (a Kafka tombstone).
     *
     * @throws PoisonAvroException when the bytes are not a record this class can read
     * @throws RegistryClientException when the registry cannot be asked (not the record's fault)
     */
    public synchronized T deserialize(byte[] bytes) throws PoisonAvroException {
        if (bytes == null) {
            return null;
        }
        int id = ConfluentWireFormat.schemaId(bytes);
        SpecificDatumReader<T> reader = reader(id);
        int length = bytes.length - ConfluentWireFormat.HEADER_SIZE;
        decoder =
                DecoderFactory.get()
                        .binaryDecoder(bytes, ConfluentWireFormat.HEADER_SIZE, length, decoder);
        return read(reader, id);
    }

    private T read(SpecificDatumReader<T> reader, int id) throws PoisonAvroException {
        T record;
        try {
            record = reader.read(null, decoder);
        } catch (EOFException e) {
            throw poison(PoisonAvroException.Kind.TRUNCATED, id, "Avro body ends early", e);
        } catch (IOException | RuntimeException e) {
            // Avro reports corrupt input as assorted runtime exceptions (bad lengths, indexes).
            throw poison(PoisonAvroException.Kind.MALFORMED_PAYLOAD, id, e.toString(), e);
        }
        if (!isEnd(id)) {
            throw poison(
                    PoisonAvroException.Kind.MALFORMED_PAYLOAD,
                    id,
                    "Bytes left over after the record",
                    null);
        }
        return record;
    }

    private boolean isEnd(int id) throws PoisonAvroException {
        try {
            return decoder.isEnd();
        } catch (IOException e) {
            throw poison(PoisonAvroException.Kind.MALFORMED_PAYLOAD, id, e.toString(), e);
        }
    }

    private SpecificDatumReader<T> reader(int id) throws PoisonAvroException {
        if (readers == null) {
            model = SpecificData.getForClass(type);
            readerSchema = model.getSchema(type);
            readers = new HashMap<>();
        }
        SpecificDatumReader<T> reader = readers.get(id);
        if (reader == null) {
            reader = new SpecificDatumReader<>(compatibleWriter(id), readerSchema, model);
            readers.put(id, reader);
        }
        return reader;
    }

    private Schema compatibleWriter(int id) throws PoisonAvroException {
        Schema writer = writerSchema(id);
        SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw poison(
                    PoisonAvroException.Kind.INCOMPATIBLE_SCHEMA,
                    id,
                    type.getSimpleName()
                            + " cannot read its writer schema: "
                            + reasons(result, readerSchema),
                    null);
        }
        return writer;
    }

    private static String reasons(SchemaPairCompatibility result, Schema reader) {
        return result.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + FieldPaths.of(reader, i.getLocation()))
                .collect(Collectors.joining("; "));
    }

    private Schema writerSchema(int id) throws PoisonAvroException {
        try {
            if (registry == null) {
                registry = RegistryClients.shared(config);
            }
            return registry.schemaById(id);
        } catch (RegistryClientException e) {
            if (e.isUnknownSchemaId()) {
                throw poison(PoisonAvroException.Kind.UNKNOWN_SCHEMA_ID, id, e.getMessage(), e);
            }
            throw e;
        }
    }

    private static PoisonAvroException poison(
            PoisonAvroException.Kind kind, int id, String detail, Throwable cause) {
        String where = id < 0 ? "" : " (schema id " + id + ")";
        return new PoisonAvroException(kind, id, kind + where + ": " + detail, cause);
    }
}
