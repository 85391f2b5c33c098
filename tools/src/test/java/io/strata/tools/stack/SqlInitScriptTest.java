package io.strata.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The init file's placeholders: named after the jobs' keys, filled in from a jobs configuration
 * (defaults where it is silent), quoted for SQL, and a missing one is an error naming its line.
 */
class SqlInitScriptTest {

    @TempDir Path home;

    @Test
    void aPlaceholderIsTheJobsKeyInCapitals() {
        assertThat(SqlInitScript.placeholder("strata.kafka.bootstrap-servers"))
                .isEqualTo("STRATA_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(SqlInitScript.placeholder("strata.iceberg.catalog.warehouse"))
                .isEqualTo("STRATA_ICEBERG_CATALOG_WAREHOUSE");
    }

    @Test
    void valuesComeFromTheJobsConfigurationAndTheSharedDefaults() {
        SqlInitScript script =
                SqlInitScript.of(
                        Map.of(
                                "strata.kafka.bootstrap-servers", "kafka-1:9092",
                                "strata.iceberg.catalog.uri", "http://catalog:8181"));

        String sql =
                script.render(
                        "'${STRATA_KAFKA_BOOTSTRAP_SERVERS}' '${STRATA_SCHEMA_REGISTRY_URL}'\n"
                                + "'${STRATA_ICEBERG_CATALOG_URI}' -- ${STRATA_...} stays",
                        "init.sql");

        assertThat(sql)
                .isEqualTo(
                        "'kafka-1:9092' 'http://localhost:8085'\n"
                                + "'http://catalog:8181' -- ${STRATA_...} stays");
    }

    @Test
    void singleQuotesInAValueAreDoubledForTheSqlLiteral() {
        SqlInitScript script =
                SqlInitScript.of(Map.of("strata.iceberg.catalog.warehouse", "file:///it's"));

        assertThat(script.render("'${STRATA_ICEBERG_CATALOG_WAREHOUSE}'", "init.sql"))
                .isEqualTo("'file:///it''s'");
    }

    @Test
    void aPlaceholderWithoutValueFailsWithItsLine() {
        SqlInitScript script = SqlInitScript.of(Map.of());

        assertThatThrownBy(() -> script.render("-- header\n'${STRATA_NO_SUCH_KEY}'", "init.sql"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("init.sql:2: ${STRATA_NO_SUCH_KEY} has no value");
    }

    @Test
    void theStacksInitFileHasEveryPlaceholderFilledFromItsJobsConfiguration() throws Exception {
        Map<String, String> settings =
                Map.of(
                        StackOptions.KAFKA_PORT.key(), "29092",
                        StackOptions.REGISTRY_PORT.key(), "28085");
        StackHome stack =
                new StackHome(
                        Path.of("..").toAbsolutePath().normalize(),
                        home,
                        Configuration.fromMap(settings));

        String sql = Files.readString(new FlinkSqlClient(stack).writeInitScript());

        assertThat(sql.lines().filter(l -> !l.startsWith("--"))).noneMatch(l -> l.contains("${"));
        assertThat(sql)
                .contains("'properties.bootstrap.servers' = 'localhost:29092'")
                .contains("'value.avro-confluent.url' = 'http://localhost:28085'")
                .contains("'catalog-type' = 'hadoop'")
                .contains("'warehouse' = 'file://" + home.toAbsolutePath() + "/warehouse'");
    }
}
