package io.strata.quality.silver;

import io.strata.common.kafka.RawKafkaRecord;
import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.PoisonAvroException;
import io.strata.common.serde.RegistryClientConfig;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Reads a Silver topic record (Confluent-framed Avro) into its entity's class, one deserializer per
 * entity, made on first use. Not thread-safe: one per operator instance or source reader.
 */
final class SilverRowReader {

    private final RegistryClientConfig registry;
    private final Map<SilverTopic, ConfluentAvroDeserializer<SpecificRecordBase>> readers =
            new EnumMap<>(SilverTopic.class);

    SilverRowReader(RegistryClientConfig registry) {
        this.registry = registry;
    }

    /**
     * The row of {@code record}, from {@code topic}'s entity; null for an empty value.
     *
     * @throws PoisonAvroException if the bytes are no readable row
     */
    @SuppressWarnings("unchecked")
    SpecificRecordBase read(SilverTopic topic, RawKafkaRecord record) throws PoisonAvroException {
        return readers.computeIfAbsent(
                        topic,
                        t ->
                                new ConfluentAvroDeserializer<>(
                                        (Class<SpecificRecordBase>) t.type(), registry))
                .deserialize(record.value);
    }
}
