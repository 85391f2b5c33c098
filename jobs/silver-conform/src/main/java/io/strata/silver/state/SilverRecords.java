package io.strata.silver.state;

import io.strata.silver.config.CanonicalEntity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro binary of the canonical entities' generated classes (with their logical-type conversions:
 * decimals, timestamps). Not thread-safe: one per operator instance.
 */
public final class SilverRecords {

    private final Map<CanonicalEntity, SpecificDatumWriter<SpecificRecordBase>> writers =
            new EnumMap<>(CanonicalEntity.class);
    private final Map<CanonicalEntity, SpecificDatumReader<SpecificRecordBase>> readers =
            new EnumMap<>(CanonicalEntity.class);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    /** The generated class of an entity, e.g. {@code Customer.class}. */
    @SuppressWarnings("unchecked")
    public static Class<SpecificRecordBase> recordClass(CanonicalEntity entity) {
        return (Class<SpecificRecordBase>) entity.newRecord().getClass();
    }

    public byte[] encode(CanonicalEntity entity, SpecificRecordBase record) {
        bytes.reset();
        encoder = EncoderFactory.get().directBinaryEncoder(bytes, encoder);
        try {
            writers.computeIfAbsent(entity, e -> new SpecificDatumWriter<>(e.schema(), model(e)))
                    .write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode a " + entity.entityName(), e);
        }
        return bytes.toByteArray();
    }

    public SpecificRecordBase decode(CanonicalEntity entity, byte[] data) {
        decoder = DecoderFactory.get().binaryDecoder(data, decoder);
        try {
            return readers.computeIfAbsent(
                            entity,
                            e -> new SpecificDatumReader<>(e.schema(), e.schema(), model(e)))
                    .read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot decode a " + entity.entityName(), e);
        }
    }

    private static SpecificData model(CanonicalEntity entity) {
        return SpecificData.getForClass(recordClass(entity));
    }
}
