package io.strata.common.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.strata.common.config.StrataOptions;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dataset naming, the config version, and the end-of-run events, without a cluster. */
class LineageEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private HttpServer endpoint;

    @BeforeEach
    void start() throws Exception {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext(
                "/lineage",
                exchange -> {
                    received.add(JSON.readTree(exchange.getRequestBody()));
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    @Test
    void datasetsAreNamedAsOpenLineageNamesThem() {
        TableIdentifier events = TableIdentifier.of("bronze", "events");

        assertThat(LineageDataset.kafka("b1:9093,b2:9093", "raw.webhooks"))
                .isEqualTo(new LineageDataset("kafka://b1:9093", "raw.webhooks"));
        assertThat(LineageDataset.iceberg("s3://strata-warehouse/prod", events))
                .isEqualTo(new LineageDataset("s3://strata-warehouse", "prod/bronze/events"));
        assertThat(LineageDataset.iceberg("file:///var/strata/warehouse", events))
                .isEqualTo(new LineageDataset("file", "/var/strata/warehouse/bronze/events"));
    }

    @Test
    void theConfigVersionFollowsSettingsButNotSecrets() {
        Configuration config = config();
        String version = LineageRun.configVersion(config);

        Configuration otherSecret = config();
        otherSecret.setString("strata.kafka.client.sasl.jaas.config", "password=\"other\";");
        Configuration otherSetting = config();
        otherSetting.set(StrataOptions.CHECKPOINT_INTERVAL, java.time.Duration.ofMinutes(1));

        assertThat(version).startsWith("sha256:").hasSize("sha256:".length() + 16);
        assertThat(LineageRun.configVersion(otherSecret)).isEqualTo(version);
        assertThat(LineageRun.configVersion(otherSetting)).isNotEqualTo(version);
    }

    @Test
    void aFailedRunEndsWithAFailEventOfItsRun() {
        LineageRun run = run(config());
        JobID job = new JobID();

        new LineageJobListener(run)
                .onJobExecuted(
                        new JobExecutionResult(job, 1, Map.of()),
                        new IllegalStateException("boom"));

        assertThat(received).hasSize(1);
        JsonNode fail = received.get(0);
        assertThat(fail.path("eventType").asText()).isEqualTo("FAIL");
        assertThat(fail.at("/run/runId").asText())
                .isEqualTo(new UUID(job.getUpperPart(), job.getLowerPart()).toString());
        assertThat(fail.at("/run/facets/strata/error").asText()).contains("boom");
        assertThat(fail.at("/job/name").asText()).isEqualTo("bronze-ingest");
        assertThat(fail.at("/outputs/0/name").asText()).endsWith("bronze/events");
    }

    @Test
    void anUnreachableEndpointNeverFailsTheJob() {
        Configuration config = config();
        config.set(LineageOptions.URL, "http://127.0.0.1:1/nothing-listens-here");

        new LineageJobListener(run(config))
                .onJobExecuted(new JobExecutionResult(new JobID(), 1, Map.of()), null);

        assertThat(received).isEmpty();
    }

    @Test
    void withoutAUrlThereIsNoLineage() {
        assertThat(
                        LineageRun.of(
                                new Configuration(),
                                "bronze-ingest",
                                List.of(),
                                List.of(),
                                List.of()))
                .isEmpty();
    }

    private Configuration config() {
        Configuration config = new Configuration();
        config.set(
                LineageOptions.URL,
                "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/lineage");
        config.setString("strata.kafka.client.sasl.jaas.config", "password=\"secret\";");
        return config;
    }

    private static LineageRun run(Configuration config) {
        return LineageRun.of(
                        config,
                        "bronze-ingest",
                        List.of("raw.webhooks"),
                        List.of(TableIdentifier.of("bronze", "events")),
                        List.of("bronze.events"))
                .orElseThrow();
    }
}
