package io.strata.bronze;

import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.RegistryClientConfig;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Reads a whole Avro topic (Confluent wire format) with the testing module's reader. */
public final class TopicReader {

    /** One record: its key and its decoded value. */
    public record Keyed<T>(String key, T value) {}

    private TopicReader() {}

    public static <T extends SpecificRecord> List<Keyed<T>> readAll(
            String bootstrapServers, String topic, Class<T> type, String registryUrl) {
        return readAll(bootstrapServers, topic, type, registryUrl, "read_committed");
    }

    static <T extends SpecificRecord> List<Keyed<T>> readAll(
            String bootstrapServers,
            String topic,
            Class<T> type,
            String registryUrl,
            String isolation) {
        ConfluentAvroDeserializer<T> values =
                new ConfluentAvroDeserializer<>(type, RegistryClientConfig.of(registryUrl));
        return io.strata.testing.TopicReader.readAll(
                        bootstrapServers, topic, values::deserialize, isolation)
                .stream()
                .map(r -> new Keyed<>(r.key(), r.value()))
                .toList();
    }

    /** The raw bytes of every record of {@code topic}, by {@code partition@offset}. */
    public static Map<String, byte[]> readRaw(String bootstrapServers, String topic) {
        return io.strata.testing.TopicReader.readRaw(bootstrapServers, topic);
    }
}
