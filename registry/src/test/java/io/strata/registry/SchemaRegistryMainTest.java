package io.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.registry.service.CompatibilityLevel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SchemaRegistryMainTest {

    @Test
    void usageDocumentsEveryOption() {
        String usage = SchemaRegistryMain.usage();

        for (RegistryOption option : RegistryOption.values()) {
            assertThat(usage).contains("--" + option.key()).contains(option.description());
        }
    }

    @Test
    void argumentsOverrideDefaults() {
        RegistryConfig config =
                RegistryConfig.fromOptions(
                        SchemaRegistryMain.parse(
                                new String[] {
                                    "--bootstrap-servers", "k:9092", "--port=0", "--topic", "t"
                                }));

        assertThat(config.bootstrapServers()).isEqualTo("k:9092");
        assertThat(config.port()).isZero();
        assertThat(config.topic()).isEqualTo("t");
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.kafkaProperties()).containsEntry("bootstrap.servers", "k:9092");
    }

    @Test
    void defaultsAreThoseTheOptionsDocument() {
        RegistryConfig config = RegistryConfig.builder("k:9092").build();

        assertThat(config.port()).isEqualTo(8085);
        assertThat(config.topic()).isEqualTo("_schemas");
        assertThat(config.defaultCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(config.httpThreads()).isEqualTo(4);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void badSettingsFailWithASentence() {
        assertThatThrownBy(() -> SchemaRegistryMain.parse(new String[] {"--colour", "red"}))
                .hasMessage("Unknown option --colour");
        assertThatThrownBy(() -> RegistryConfig.fromOptions(java.util.Map.of()))
                .hasMessage("--bootstrap-servers is required");
        assertThatThrownBy(() -> RegistryConfig.builder("k:9092").port(70000).build())
                .hasMessage("port must be within 0..65535");
    }
}
