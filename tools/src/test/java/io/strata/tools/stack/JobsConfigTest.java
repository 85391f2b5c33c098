package io.strata.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.flink.JobConfig;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs' configuration rendered from {@code flink-conf/strata-local.yaml} for a stack: no
 * placeholder left, cdc-capture pointed at the stack's Postgres, and the keys the demo reads.
 */
class JobsConfigTest {

    @TempDir Path home;

    @Test
    void everyPlaceholderIsFilledAndCdcReadsTheStacksPostgres() {
        Map<String, String> settings =
                Map.of(
                        StackOptions.POSTGRES_PORT.key(), "25432",
                        StackOptions.POSTGRES_DATABASE.key(), "oltp",
                        StackOptions.KAFKA_PORT.key(), "29092");
        StackHome stack =
                new StackHome(
                        Path.of("..").toAbsolutePath().normalize(),
                        home,
                        Configuration.fromMap(settings));

        Map<String, String> config = JobConfig.readFile(new JobsConfig(stack).write());

        assertThat(config.values()).noneMatch(v -> v.contains("{{"));
        assertThat(config)
                .containsEntry("strata.kafka.bootstrap-servers", "localhost:29092")
                .containsEntry("cdc.source.hostname", "localhost")
                .containsEntry("cdc.source.port", "25432")
                .containsEntry("cdc.source.database", "oltp")
                .containsEntry("cdc.source.user", "postgres")
                .containsEntry(
                        "cdc.source.tables",
                        "platform.tenants;platform.customers;platform.products;platform.price_lists")
                // ./strata demo reads these two to know what to wait for.
                .containsKey("cdc.source.slot-name")
                .containsKey("gold.features.idleness");
    }
}
