package io.strata.silver.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.silver.config.InvalidTenantConfigException;
import io.strata.silver.testing.TenantFiles;
import io.strata.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./strata tenants validate|publish} and the job's start-up check of a directory. */
class TenantsToolTest {

    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TenantsTool tool =
            new TenantsTool(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void theRepositorysTenantFilesAreValid() {
        assertThat(tool.run(List.of("validate", TenantFiles.DIR.toString()))).isZero();
        assertThat(text(out)).contains("valid  acme", "valid  globex", "valid  initech");
    }

    @Test
    void aBrokenRuleIsReportedWithFileAndLineAndNothingIsPublished() throws Exception {
        Path broken = brokenHooli();

        assertThat(tool.run(List.of("validate", broken.toString()))).isEqualTo(1);
        assertThat(text(err)).contains(broken + ":").contains("hooli 7 purchase");

        String topic = "config.tenants.tool-" + System.nanoTime();
        String kafka = TestServices.kafka().bootstrapServers();
        assertThat(
                        tool.run(
                                List.of(
                                        "publish",
                                        "--bootstrap-servers",
                                        kafka,
                                        "--topic",
                                        topic,
                                        dir.toString())))
                .isEqualTo(1);
    }

    @Test
    void theJobRefusesToStartWithABrokenDirectory() throws Exception {
        Path broken = brokenHooli();

        assertThatThrownBy(() -> TenantConfigDirectory.load(dir))
                .isInstanceOf(InvalidTenantConfigException.class)
                .hasMessageContaining(broken + ":");
    }

    @Test
    void validConfigurationsArePublishedKeyedByTenant() throws Exception {
        Files.writeString(dir.resolve("hooli.yaml"), Hooli.YAML);
        String topic = "config.tenants.tool-" + System.nanoTime();
        String kafka = TestServices.kafka().bootstrapServers();

        assertThat(
                        tool.run(
                                List.of(
                                        "publish",
                                        "--bootstrap-servers",
                                        kafka,
                                        "--topic",
                                        topic,
                                        dir.toString())))
                .isZero();
        assertThat(
                        tool.run(
                                List.of(
                                        "remove",
                                        "--bootstrap-servers",
                                        kafka,
                                        "--topic",
                                        topic,
                                        "hooli")))
                .isZero();

        List<ConsumerRecord<String, String>> records = readAll(kafka, topic);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("hooli", "hooli");
        assertThat(records.get(0).value()).isEqualTo(Hooli.YAML);
        assertThat(records.get(1).value()).isNull();
    }

    @Test
    void theJobsConfigurationFileGivesTheKafkaClientSettings() throws Exception {
        Files.writeString(dir.resolve("hooli.yaml"), Hooli.YAML);
        String topic = "config.tenants.tool-" + System.nanoTime();
        String kafka = TestServices.kafka().bootstrapServers();
        // A cluster's file carries SASL/TLS under strata.kafka.client.*; the test broker has
        // none, so this one only proves the file's servers and client settings are used.
        Path config =
                Files.writeString(
                        Files.createTempDirectory("tenants-tool").resolve("strata.yaml"),
                        "strata:\n  kafka:\n    bootstrap-servers: "
                                + kafka
                                + "\n    client:\n      client.id: tenants-tool-test\n");

        assertThat(
                        tool.run(
                                List.of(
                                        "publish",
                                        "--config",
                                        config.toString(),
                                        "--topic",
                                        topic,
                                        dir.toString())))
                .isZero();

        assertThat(readAll(kafka, topic)).extracting(ConsumerRecord::key).containsExactly("hooli");
    }

    private Path brokenHooli() throws Exception {
        return Files.writeString(
                dir.resolve("hooli.yaml"),
                Hooli.YAML.replace("\"@.count\"", "{path: \"@.count\", type: nope}"));
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> readAll(String kafka, String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka);
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            TopicPartition p = new TopicPartition(topic, 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            long end = consumer.endOffsets(List.of(p)).get(p);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (consumer.position(p) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
