package io.strata.common.serde;

import java.io.IOException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Flink's view of a {@link ConfluentAvroDeserializer}. A poison record fails the job here with
 * {@link PoisonAvroException}; jobs that quarantine instead read raw bytes and call the
 * deserializer in their own function.
 */
public final class ConfluentAvroDeserializationSchema<T extends SpecificRecord>
        implements DeserializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final ConfluentAvroDeserializer<T> deserializer;
    private final TypeInformation<T> producedType;

    /**
     * @param producedType how Flink carries T between operators (the project's choice of Avro type
     *     information; never a generic Kryo type)
     */
    public ConfluentAvroDeserializationSchema(
            ConfluentAvroDeserializer<T> deserializer, TypeInformation<T> producedType) {
        this.deserializer = deserializer;
        this.producedType = producedType;
    }

    @Override
    public T deserialize(byte[] message) throws IOException {
        return deserializer.deserialize(message);
    }

    @Override
    public boolean isEndOfStream(T nextElement) {
        return false;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return producedType;
    }
}
