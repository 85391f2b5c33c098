package io.strata.gold.sink;

import io.strata.common.config.StrataOptions;
import io.strata.common.iceberg.IcebergAppendSink;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.common.iceberg.IcebergTables;
import io.strata.common.kafka.AvroTopics;
import io.strata.common.kafka.KafkaTopics;
import io.strata.gold.GoldFeaturesOptions;
import io.strata.model.ops.QuarantineRecord;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;

/** The production quarantine of Gold: Iceberg {@code gold.quarantine} and its Kafka topic. */
public final class GoldQuarantine {

    private GoldQuarantine() {}

    /** Appends to the Iceberg quarantine table (created or evolved when the graph is built). */
    public static QuarantineSink iceberg(ReadableConfig config) {
        return (quarantine, uids) -> {
            CatalogLoader catalog = IcebergCatalogs.loader(config);
            TableIdentifier id =
                    TableIdentifier.parse(config.get(GoldFeaturesOptions.QUARANTINE_TABLE));
            IcebergAppendSink.append(
                    quarantine,
                    QuarantineRecord.getClassSchema(),
                    IcebergTables.quarantine(
                            catalog.loadCatalog(),
                            id,
                            config.get(GoldFeaturesOptions.TARGET_FILE_SIZE)),
                    catalog,
                    id,
                    config.get(StrataOptions.ICEBERG_WRITE_BRANCH),
                    uids,
                    "iceberg-quarantine");
        };
    }

    /**
     * Writes to the quarantine topic (Avro via the registry, keyed by tenant), created when the
     * graph is built if missing, as silver-conform creates its own: readers of the topic (the
     * analysts' {@code kafka.gold.quarantine}) find it before the first refusal.
     */
    public static QuarantineSink kafka(ReadableConfig config) {
        KafkaTopics.createMissing(
                config,
                List.of(
                        KafkaTopics.plain(
                                config.get(GoldFeaturesOptions.QUARANTINE_TOPIC),
                                config.get(GoldFeaturesOptions.TOPIC_PARTITIONS))));
        return (quarantine, uids) ->
                AvroTopics.sink(
                        quarantine,
                        config,
                        config.get(GoldFeaturesOptions.TRANSACTIONAL_ID_PREFIX) + "-quarantine",
                        config.get(GoldFeaturesOptions.QUARANTINE_TOPIC),
                        QuarantineRecord.class,
                        QuarantineRecord::getTenantId,
                        uids.of("kafka-quarantine"));
    }
}
