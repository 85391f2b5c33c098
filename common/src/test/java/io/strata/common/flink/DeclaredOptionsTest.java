package io.strata.common.flink;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** A job refuses misspelt keys of its own and of the shared {@code strata.} options at start. */
class DeclaredOptionsTest {

    /** A job's options, as each job module declares them. */
    public static final class ExampleOptions {
        public static final ConfigOption<Integer> WINDOW =
                ConfigOptions.key("example.window").intType().defaultValue(1);
    }

    @Test
    void acceptsDeclaredKeysPassThroughPropertiesAndOtherJobsKeys() {
        Configuration config =
                Configuration.fromMap(
                        Map.of(
                                "example.window", "5",
                                "strata.kafka.bootstrap-servers", "kafka:9092",
                                "strata.kafka.client.security.protocol", "SASL_SSL",
                                "strata.iceberg.catalog.uri", "http://rest:8181",
                                "strata.lineage.openlineage.url", "http://marquez:5000",
                                "silver.tenants.directory", "/tenants",
                                "execution.checkpointing.interval", "10s"));

        assertThatCode(() -> DeclaredOptions.checkJob(config, ExampleOptions.class, "example."))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAMisspeltSharedKey() {
        Configuration config =
                Configuration.fromMap(Map.of("strata.schema-registry.ulr", "http://registry"));

        assertThatThrownBy(() -> DeclaredOptions.checkJob(config, ExampleOptions.class, "example."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[strata.schema-registry.ulr]");
    }

    @Test
    void refusesAMisspeltKeyOfTheJob() {
        Configuration config = Configuration.fromMap(Map.of("example.widnow", "5"));

        assertThatThrownBy(() -> DeclaredOptions.checkJob(config, ExampleOptions.class, "example."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[example.widnow]");
    }
}
