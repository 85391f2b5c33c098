package io.strata.tools.analysts;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.gold.CustomerFeatures;
import io.strata.model.ops.QuarantineRecord;
import io.strata.model.silver.Customer;
import io.strata.model.silver.Invoice;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.model.silver.Product;
import io.strata.model.silver.ProductReturn;
import io.strata.model.silver.Shipment;
import io.strata.model.silver.SupportTicket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/**
 * The Kafka tables of {@code flink-conf/sql-client-init.sql} against the topics' Avro schemas: one
 * table per {@code silver.*} and {@code gold.*} topic, its columns exactly what the {@code
 * avro-confluent} format reads the topic's schema as, and where the schema has enums (which the
 * format's derived reader schema cannot read into STRING) a given reader schema that is the
 * writer's without its docs. {@code SqlClientIT} then reads every table from a real topic.
 */
class SqlInitFileTest {

    private static final Path INIT = Path.of("../flink-conf/sql-client-init.sql");
    private static final Path SILVER_SCHEMAS = Path.of("../schemas/src/main/avro/silver");
    private static final String READER_SCHEMA = "value.avro-confluent.schema";

    /** Each topic the jobs write for analysts, with the Avro schema of its values. */
    private static final Map<String, Schema> TOPICS =
            Map.ofEntries(
                    Map.entry("silver.customer", Customer.getClassSchema()),
                    Map.entry("silver.product", Product.getClassSchema()),
                    Map.entry("silver.order", Order.getClassSchema()),
                    Map.entry("silver.order_line", OrderLine.getClassSchema()),
                    Map.entry("silver.invoice", Invoice.getClassSchema()),
                    Map.entry("silver.shipment", Shipment.getClassSchema()),
                    Map.entry("silver.product_return", ProductReturn.getClassSchema()),
                    Map.entry("silver.support_ticket", SupportTicket.getClassSchema()),
                    Map.entry("silver.quarantine", QuarantineRecord.getClassSchema()),
                    Map.entry("gold.customer-features", CustomerFeatures.getClassSchema()),
                    Map.entry("gold.quarantine", QuarantineRecord.getClassSchema()));

    @Test
    void everySilverEntityHasItsTopicHere() throws IOException {
        try (Stream<Path> files = Files.list(SILVER_SCHEMAS)) {
            List<String> entities =
                    files.map(f -> f.getFileName().toString().replace(".avsc", "")).toList();
            assertThat(TOPICS.values().stream().map(Schema::getName))
                    .as("Silver entities of %s", SILVER_SCHEMAS)
                    .containsAll(entities);
        }
    }

    @Test
    void oneKafkaTablePerTopic() throws IOException {
        assertThat(tables().stream().map(KafkaTableDdl::topic))
                .containsExactlyInAnyOrderElementsOf(TOPICS.keySet());
    }

    @Test
    void theColumnsAreTheTopicsAvroSchema() throws IOException {
        for (KafkaTableDdl table : tables()) {
            assertThat(table.columns())
                    .as(table.name())
                    .containsExactlyElementsOf(AvroSqlTypes.columns(TOPICS.get(table.topic())));
        }
    }

    @Test
    void aTopicWithEnumsHasTheWritersSchemaAsReaderSchema() throws IOException {
        for (KafkaTableDdl table : tables()) {
            Schema writer = TOPICS.get(table.topic());
            String given = table.options().get(READER_SCHEMA);
            if (!AvroSqlTypes.hasEnum(writer)) {
                assertThat(given).as(table.name()).isNull();
                continue;
            }
            assertThat(given).as("%s: its schema has enums", table.name()).isNotNull();
            Schema reader = new Schema.Parser().parse(given);
            assertThat(SchemaNormalization.toParsingForm(reader))
                    .as(table.name())
                    .isEqualTo(SchemaNormalization.toParsingForm(writer));
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType())
                    .as(table.name())
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void everyTableReadsCommittedRecordsThroughTheRegistryUpToTheLatestOffset() throws IOException {
        for (KafkaTableDdl table : tables()) {
            assertThat(table.options())
                    .as(table.name())
                    .containsEntry("connector", "kafka")
                    .containsEntry(
                            "properties.bootstrap.servers", "${STRATA_KAFKA_BOOTSTRAP_SERVERS}")
                    .containsEntry("properties.isolation.level", "read_committed")
                    .containsEntry("scan.startup.mode", "earliest-offset")
                    .containsEntry("scan.bounded.mode", "latest-offset")
                    .containsEntry("value.format", "avro-confluent")
                    .containsEntry("value.avro-confluent.url", "${STRATA_SCHEMA_REGISTRY_URL}");
        }
        assertThat(tables().stream().collect(Collectors.groupingBy(KafkaTableDdl::name)))
                .allSatisfy((name, same) -> assertThat(same).as(name).hasSize(1));
    }

    private static List<KafkaTableDdl> tables() throws IOException {
        return KafkaTableDdl.all(Files.readString(INIT));
    }
}
