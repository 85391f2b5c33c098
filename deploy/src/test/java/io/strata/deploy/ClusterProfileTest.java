package io.strata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.SecretKeys;
import io.strata.common.flink.DeclaredOptions;
import io.strata.common.kafka.AvroTopics;
import io.strata.common.kafka.KafkaClientProperties;
import io.strata.common.lineage.LineageRun;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The cluster profile's keys are the jobs' options and its values are accepted by the clients. */
class ClusterProfileTest {

    @Test
    void everyKeyIsAnOptionOfTheJobsOrAPassThroughProperty() {
        Configuration config = Configuration.fromMap(ClusterProfile.jobs());

        for (StrataJob job : StrataJob.values()) {
            DeclaredOptions.checkJob(config, job.options, job.prefix);
        }
        assertThat(config.keySet())
                .allSatisfy(
                        key ->
                                assertThat(
                                                key.startsWith("strata.")
                                                        || StrataJob.prefixes().stream()
                                                                .anyMatch(key::startsWith))
                                        .as("%s belongs to no job", key)
                                        .isTrue());
    }

    @Test
    void kafkaClientsOfEveryKindAcceptTheSecuritySettingsWithoutConnecting() {
        Configuration config = Configuration.fromMap(ClusterProfile.jobs());
        Map<String, Object> props = toMap(KafkaClientProperties.of(config));

        assertThat(props)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat((String) props.get("sasl.jaas.config"))
                .contains("ScramLoginModule required")
                .contains("password=\"" + ClusterProfile.KAFKA_PASSWORD + "\"");
        assertThat(props.keySet())
                .allSatisfy(
                        key ->
                                assertThat(
                                                ConsumerConfig.configNames().contains(key)
                                                        || ProducerConfig.configNames()
                                                                .contains(key)
                                                        || AdminClientConfig.configNames()
                                                                .contains(key))
                                        .as("%s is a Kafka client setting", key)
                                        .isTrue());
        // Names that resolve here; the settings under test are the security ones.
        props.put("bootstrap.servers", "localhost:9093");
        // Constructing a client validates every value and sets up SASL/TLS (the JAAS line is
        // parsed, the login done); it connects only on first use.
        try (var consumer =
                        new KafkaConsumer<>(
                                props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                var producer =
                        new KafkaProducer<>(
                                props, new ByteArraySerializer(), new ByteArraySerializer());
                var admin = Admin.create(props)) {
            assertThat(consumer.metrics()).isNotEmpty();
            assertThat(producer.metrics()).isNotEmpty();
            assertThat(admin.metrics()).isNotEmpty();
        }
    }

    @Test
    void theRegistryClientAuthenticatesWithTheSecretFromTheEnvironment() {
        var registry = AvroTopics.registry(Configuration.fromMap(ClusterProfile.jobs()));

        assertThat(registry.url()).isEqualTo("https://schema-registry:8081");
        assertThat(registry.basicAuthUserInfo()).isEqualTo(ClusterProfile.REGISTRY_USER_INFO);
        assertThat(registry.autoRegister()).isFalse();
    }

    @Test
    void lineageIsOffUnlessItsUrlIsInTheEnvironment() {
        Configuration off = Configuration.fromMap(ClusterProfile.jobs());
        Map<String, String> env = new java.util.HashMap<>(ClusterProfile.ENV);
        env.put("STRATA_OPENLINEAGE_URL", "http://marquez:5000/api/v1/lineage");
        Configuration on = Configuration.fromMap(ClusterProfile.jobs(env::get));

        assertThat(LineageRun.url(off)).isEmpty();
        assertThat(LineageRun.url(on)).hasValue("http://marquez:5000/api/v1/lineage");
    }

    @Test
    void aDumpOfTheResolvedProfileShowsNoSecret() {
        String dump = SecretKeys.masked(ClusterProfile.jobs()).toString();

        assertThat(dump)
                .doesNotContain(ClusterProfile.KAFKA_PASSWORD)
                .doesNotContain(ClusterProfile.REGISTRY_USER_INFO)
                .contains("kafka-0.kafka:9093");
    }

    @Test
    void theRepositoryHoldsNoSecretOfTheProfile() {
        // Every value that looks like a secret is a placeholder, never a literal.
        Map<String, String> raw = ClusterProfile.jobs(name -> "<" + name + ">");
        raw.forEach(
                (key, value) -> {
                    // cdc.source.password-env names a variable; it holds no secret.
                    if (SecretKeys.isSecret(key) && !key.endsWith("-env")) {
                        assertThat(value).as(key).contains("<STRATA_");
                    }
                });
    }

    private static Map<String, Object> toMap(java.util.Properties props) {
        Map<String, Object> map = new java.util.HashMap<>();
        props.forEach((k, v) -> map.put((String) k, v));
        return map;
    }
}
