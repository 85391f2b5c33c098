package io.strata.gold.features;

import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.common.serde.ConfluentAvroDeserializer;
import io.strata.common.serde.PoisonAvroException;
import io.strata.common.serde.RegistryClientConfig;
import io.strata.gold.sink.FeatureTables;
import io.strata.model.gold.CustomerFeatureKey;
import io.strata.model.gold.CustomerFeatures;
import io.strata.testing.TopicReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the job wrote, read back as {@link CustomerFeatures} with {@code computed_at} at the epoch
 * (the one column that differs between runs), ordered by tenant, customer and valid_from.
 */
public final class FeatureRows {

    private FeatureRows() {}

    /** The rows of a feature table now. */
    public static List<CustomerFeatures> table(ReadableConfig config, FeatureTables table) {
        return records(IcebergCatalogs.load(config), table.id(config)).stream()
                .map(FeatureRows::features)
                .sorted(FeaturePipeline.BY_KEY)
                .toList();
    }

    static List<Record> records(Catalog catalog, TableIdentifier id) {
        if (!catalog.tableExists(id)) {
            return List.of();
        }
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> it = IcebergGenerics.read(catalog.loadTable(id)).build()) {
            it.forEach(r -> rows.add(r.copy()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * The latest value per key of the features topic, as a read_committed consumer sees it after
     * reading to the end once the job's transactions have settled; each key must be its value's
     * (tenant, customer).
     */
    public static List<CustomerFeatures> topic(
            String bootstrapServers, String registryUrl, String topic) {
        RegistryClientConfig registry = RegistryClientConfig.of(registryUrl);
        ConfluentAvroDeserializer<CustomerFeatureKey> keys =
                new ConfluentAvroDeserializer<>(CustomerFeatureKey.class, registry);
        ConfluentAvroDeserializer<CustomerFeatures> values =
                new ConfluentAvroDeserializer<>(CustomerFeatures.class, registry);
        Map<CustomerFeatureKey, CustomerFeatures> latest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r :
                TopicReader.settledRecords(bootstrapServers, topic)) {
            try {
                CustomerFeatureKey key = keys.deserialize(r.key());
                CustomerFeatures value = values.deserialize(r.value());
                CustomerFeatureKey own =
                        new CustomerFeatureKey(value.getTenantId(), value.getCustomerKey());
                if (!key.equals(own)) {
                    throw new AssertionError("key " + key + " on the row of " + own);
                }
                latest.put(key, normalized(value));
            } catch (PoisonAvroException e) {
                throw new AssertionError("unreadable record on " + topic, e);
            }
        }
        return latest.values().stream().sorted(FeaturePipeline.BY_KEY).toList();
    }

    private static CustomerFeatures features(Record r) {
        return CustomerFeatures.newBuilder()
                .setTenantId((String) r.getField("tenant_id"))
                .setCustomerKey((String) r.getField("customer_key"))
                .setCustomerHk((String) r.getField("customer_hk"))
                .setOrderCount30d((Integer) r.getField("order_count_30d"))
                .setAvgOrderValue30d((BigDecimal) r.getField("avg_order_value_30d"))
                .setLifetimeSpend((BigDecimal) r.getField("lifetime_spend"))
                .setLifetimeOrderCount((Long) r.getField("lifetime_order_count"))
                .setFirstOrderTime(instant(r.getField("first_order_time")))
                .setLastOrderTime(instant(r.getField("last_order_time")))
                .setDaysSinceLastOrder((Integer) r.getField("days_since_last_order"))
                .setPurchaseTrend((Double) r.getField("purchase_trend"))
                .setOpenSupportTickets((Integer) r.getField("open_support_tickets"))
                .setReturnRate90d((Double) r.getField("return_rate_90d"))
                .setValidFrom(instant(r.getField("valid_from")))
                .setValidTo(instant(r.getField("valid_to")))
                .setComputedAt(Instant.EPOCH)
                .setFeatureVersion((Integer) r.getField("feature_version"))
                .build();
    }

    private static CustomerFeatures normalized(CustomerFeatures row) {
        return CustomerFeatures.newBuilder(row).setComputedAt(Instant.EPOCH).build();
    }

    private static Instant instant(Object timestamp) {
        return timestamp == null ? null : ((OffsetDateTime) timestamp).toInstant();
    }
}
