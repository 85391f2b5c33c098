package io.strata.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TestServicesTest {

    @Test
    void kafkaBrokerRoundTripsRecords() throws Exception {
        KafkaBroker kafka = TestServices.kafka();
        kafka.createTopic("testing.roundtrip", 2);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                true),
                        new StringSerializer(),
                        new StringSerializer())) {
            for (int i = 0; i < 100; i++) {
                producer.send(new ProducerRecord<>("testing.roundtrip", "k" + i, "v" + i)).get();
            }
        }
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "testing-roundtrip",
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest"),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            consumer.subscribe(List.of("testing.roundtrip"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < 100 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        assertThat(values).hasSize(100).contains("v0", "v99").doesNotHaveDuplicates();
    }

    @Test
    void postgresHasLogicalReplication() throws Exception {
        PostgresServer pg = TestServices.postgres();
        try (Connection c = pg.dataSource().getConnection();
                Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SHOW wal_level");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("logical");
            s.execute("CREATE TABLE IF NOT EXISTS probe(id int primary key)");
            rs =
                    s.executeQuery(
                            "SELECT slot_name FROM"
                                    + " pg_create_logical_replication_slot('probe_slot', 'pgoutput')");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("probe_slot");
            s.execute("SELECT pg_drop_replication_slot('probe_slot')");
        }
    }
}
