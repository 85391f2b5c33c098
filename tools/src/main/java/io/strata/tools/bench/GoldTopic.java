package io.strata.tools.bench;

import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.PoisonAvroException;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.model.gold.CustomerFeatures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run's copy of {@code gold.customer-features} back whole, as any downstream consumer would
 * (Confluent wire format, the registry): per record its customer, {@code valid_from} and Kafka
 * timestamp. gold-features leaves the timestamp to its producer, which stamps the time it sends
 * ({@code AvroTopics}), so the timestamp is when the row left Gold.
 */
final class GoldTopic {

    private GoldTopic() {}

    static List<GoldLatencyMatch.GoldRecord> read(
            String servers, String registryUrl, String topic, Duration timeout) {
        ConfluentAvroDeserializer<CustomerFeatures> values =
                new ConfluentAvroDeserializer<>(
                        CustomerFeatures.class, RegistryClientConfig.of(registryUrl));
        List<GoldLatencyMatch.GoldRecord> records = new ArrayList<>();
        TopicScan.read(
                servers,
                topic,
                timeout,
                r -> {
                    CustomerFeatures f = decode(values, r.value());
                    if (f != null) {
                        records.add(
                                new GoldLatencyMatch.GoldRecord(
                                        f.getTenantId().toString(),
                                        f.getCustomerKey().toString(),
                                        f.getValidFrom().toEpochMilli(),
                                        r.timestamp()));
                    }
                });
        return records;
    }

    private static CustomerFeatures decode(
            ConfluentAvroDeserializer<CustomerFeatures> values, byte[] bytes) {
        try {
            return values.deserialize(bytes);
        } catch (PoisonAvroException e) {
            throw new IllegalStateException("gold-features wrote a record it cannot read", e);
        }
    }
}
