package io.strata.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.common.flink.JobConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPlaceholdersTest {

    private static final Map<String, String> ENV =
            Map.of("KAFKA_PASSWORD", "s3cr3t", "EMPTY", "", "BROKERS", "b1:9093,b2:9093");

    @TempDir Path dir;

    private final ConfigPlaceholders placeholders = new ConfigPlaceholders(ENV::get, Path.of(""));

    @Test
    void environmentVariablesReplaceThemselvesInsideAValue() {
        Map<String, String> resolved =
                placeholders.resolve(
                        Map.of(
                                "jaas",
                                "Scram required username=\"strata\""
                                        + " password=\"${env:KAFKA_PASSWORD}\";"));

        assertThat(resolved.get("jaas"))
                .isEqualTo("Scram required username=\"strata\" password=\"s3cr3t\";");
    }

    @Test
    void aDefaultStandsInForAnUnsetOrEmptyVariable() {
        Map<String, String> resolved =
                placeholders.resolve(
                        Map.of(
                                "a", "${env:UNSET:-SASL_SSL}",
                                "b", "${env:EMPTY:-x}",
                                "c", "${env:BROKERS:-localhost:9092}"));

        assertThat(resolved).containsEntry("a", "SASL_SSL").containsEntry("b", "x");
        assertThat(resolved).containsEntry("c", "b1:9093,b2:9093");
    }

    @Test
    void aMissingVariableNamesTheKeyAndTheVariableOnly() {
        assertThatThrownBy(() -> placeholders.resolve(Map.of("some.key", "${env:NOPE}")))
                .hasMessageContaining("some.key")
                .hasMessageContaining("NOPE");
    }

    @Test
    void filesAreReadRelativeToTheConfigurationFileWithoutTrailingNewlines() throws Exception {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/registry"), "strata:pa$$word\n");
        Path config = dir.resolve("strata.yaml");
        Files.writeString(
                config,
                """
                strata:
                  schema-registry:
                    basic-auth:
                      user-info: ${file:secrets/registry}
                  kafka:
                    bootstrap-servers: ${env:BROKERS}
                """);

        Map<String, String> read = JobConfig.readFile(config, placeholders);

        assertThat(read)
                .containsEntry("strata.schema-registry.basic-auth.user-info", "strata:pa$$word")
                .containsEntry("strata.kafka.bootstrap-servers", "b1:9093,b2:9093");
    }

    @Test
    void argumentsMayHoldPlaceholdersToo() {
        Configuration config =
                JobConfig.fromArgs(
                        new String[] {"--strata.kafka.bootstrap-servers", "${env:BROKERS}"},
                        placeholders);

        assertThat(config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS)).isEqualTo("b1:9093,b2:9093");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> placeholders.resolve(Map.of("k", "${file:/no/such/secret}")))
                .hasMessageContaining("/no/such/secret")
                .hasMessageContaining("k");
    }
}
