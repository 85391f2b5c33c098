package io.strata.common.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.strata.common.kafka.DeliveryMode;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** Options every Strata job shares: where Kafka, the registry and the Iceberg catalog are. */
public final class StrataOptions {

    /** The key of {@link #KAFKA_BOOTSTRAP_SERVERS}, for tools that run without Flink's classes. */
    public static final String KAFKA_BOOTSTRAP_SERVERS_KEY = "strata.kafka.bootstrap-servers";

    public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
            key(KAFKA_BOOTSTRAP_SERVERS_KEY)
                    .stringType()
                    .defaultValue("localhost:9092")
                    .withDescription(
                            "Kafka bootstrap servers of every topic Strata reads and writes.");

    public static final ConfigOption<String> SCHEMA_REGISTRY_URL =
            key("strata.schema-registry.url")
                    .stringType()
                    .defaultValue("http://localhost:8085")
                    .withDescription("Confluent-compatible Schema Registry of the Avro topics.");

    public static final ConfigOption<String> SCHEMA_REGISTRY_BASIC_AUTH =
            key("strata.schema-registry.basic-auth.user-info")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "user:password for the registry's HTTP basic authentication (as"
                                    + " Confluent's basic.auth.user.info); unset: none. A secret:"
                                    + " give it as ${env:NAME} or ${file:PATH}, never in the"
                                    + " file itself.");

    public static final ConfigOption<Boolean> SCHEMA_REGISTRY_AUTO_REGISTER =
            key("strata.schema-registry.auto-register")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Whether Avro sinks register their schema (subject <topic>-value) or"
                                    + " only look it up, for registries governed elsewhere.");

    public static final ConfigOption<DeliveryMode> KAFKA_DELIVERY =
            key("strata.kafka.delivery")
                    .enumType(DeliveryMode.class)
                    .defaultValue(DeliveryMode.EXACTLY_ONCE)
                    .withDescription(
                            "Delivery into the topics between jobs: EXACTLY_ONCE (transactional,"
                                    + " visible downstream when the writing job's checkpoint"
                                    + " completes) or AT_LEAST_ONCE (visible at once; consumers"
                                    + " dedupe by event id). Both give the same Silver and Gold.");

    public static final ConfigOption<Duration> KAFKA_TRANSACTION_TIMEOUT =
            key("strata.kafka.transaction-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(15))
                    .withDescription(
                            "Kafka transaction timeout of exactly-once sinks; at most the broker's"
                                    + " transaction.max.timeout.ms (15 min by default) and more"
                                    + " than the longest expected checkpoint plus restart.");

    public static final ConfigOption<String> MANIFEST_TOPIC =
            key("strata.manifest.topic")
                    .stringType()
                    .defaultValue("ops.manifest")
                    .withDescription(
                            "Kafka topic of the manifest: one record per tenant, source, layer"
                                    + " and checkpoint, keyed by tenant.");

    public static final ConfigOption<String> CONTROL_TENANTS_TOPIC =
            key("strata.control.tenants-topic")
                    .stringType()
                    .defaultValue("control.tenants")
                    .withDescription(
                            "Compacted Kafka topic of tenant pause/resume requests (key = tenant"
                                    + " id, value = JSON with state PAUSED or ACTIVE), written by"
                                    + " ./strata tenant pause|resume. bronze-ingest and"
                                    + " silver-conform read it from the beginning as broadcast"
                                    + " state and hold a paused tenant's records in state.");

    public static final ConfigOption<String> ICEBERG_CATALOG_NAME =
            key("strata.iceberg.catalog-name")
                    .stringType()
                    .defaultValue("strata")
                    .withDescription("Name of the Iceberg catalog (as analysts see it in SQL).");

    public static final String ICEBERG_CATALOG_PREFIX = "strata.iceberg.catalog.";

    public static final ConfigOption<String> ICEBERG_CATALOG_TYPE =
            key(ICEBERG_CATALOG_PREFIX + "type")
                    .stringType()
                    .defaultValue("hadoop")
                    .withDescription(
                            "Iceberg catalog type: hadoop, jdbc, rest or hive. Every other"
                                    + " 'strata.iceberg.catalog.*' key is passed to the catalog"
                                    + " as a property (warehouse, uri, io-impl, ...).");

    public static final ConfigOption<String> ICEBERG_WAREHOUSE =
            key(ICEBERG_CATALOG_PREFIX + "warehouse")
                    .stringType()
                    .defaultValue("file:///tmp/strata/warehouse")
                    .withDescription("Warehouse location of the Iceberg catalog.");

    public static final ConfigOption<String> ICEBERG_WRITE_BRANCH =
            key("strata.iceberg.write-branch")
                    .stringType()
                    .defaultValue("main")
                    .withDescription(
                            "The Iceberg branch the job commits to. A replay (./strata replay)"
                                    + " builds the layer on a branch of its own and makes it"
                                    + " current (fast-forwards main) only once it has caught up,"
                                    + " so readers of main never see a half-built layer.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            key("strata.checkpoint.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Checkpoint interval: Iceberg commits and Kafka transactions happen"
                                    + " on checkpoints, so this bounds data freshness.");

    private StrataOptions() {}
}
