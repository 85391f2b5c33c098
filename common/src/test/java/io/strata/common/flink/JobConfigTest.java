package io.strata.common.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.common.config.StrataOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobConfigTest {

    @TempDir Path dir;

    @Test
    void nestedYamlBecomesDottedKeysAndArgumentsWin() throws Exception {
        Path file = dir.resolve("strata.yaml");
        Files.writeString(
                file,
                """
                strata:
                  kafka:
                    bootstrap-servers: broker:9092
                  checkpoint:
                    interval: 30s
                bronze:
                  cdc:
                    key-columns: [tenant_id, id]
                """);

        Configuration config =
                JobConfig.fromArgs(
                        new String[] {
                            "--config", file.toString(), "--strata.checkpoint.interval", "5s"
                        });

        assertThat(config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS)).isEqualTo("broker:9092");
        assertThat(config.get(StrataOptions.CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.toMap()).containsEntry("bronze.cdc.key-columns", "tenant_id;id");
        assertThat(config.toMap()).doesNotContainKey("config");
    }

    @Test
    void propertiesFilesWorkToo() throws Exception {
        Path file = dir.resolve("job.properties");
        Files.writeString(file, "strata.kafka.bootstrap-servers = other:9092\n");

        Configuration config = JobConfig.fromArgs(new String[] {"--config", file.toString()});

        assertThat(config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS)).isEqualTo("other:9092");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> JobConfig.fromArgs(new String[] {"--config", "/nope.yaml"}))
                .hasMessageContaining("/nope.yaml");
    }

    static final class SomeOptions {
        public static final ConfigOption<String> KNOWN =
                ConfigOptions.key("job.known").stringType().defaultValue("x");
    }

    @Test
    void misspeltKeysUnderTheJobsPrefixAreRefused() {
        DeclaredOptions options = DeclaredOptions.of(SomeOptions.class);
        Configuration config = new Configuration();
        config.setString("job.known", "y");
        config.setString("job.client.acks", "all");
        config.setString("other.key", "z");

        options.checkKnown(config, Set.of("job."), Set.of("job.client."));
        config.setString("job.knwon", "typo");

        assertThat(options.options()).containsExactly(SomeOptions.KNOWN);
        assertThatThrownBy(() -> options.checkKnown(config, Set.of("job."), Set.of("job.client.")))
                .hasMessageContaining("job.knwon");
    }
}
