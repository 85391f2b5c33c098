package io.strata.bronze;

import static io.strata.bronze.RawRecords.MONDAY_9AM;
import static io.strata.bronze.RawRecords.platform;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.strata.bronze.sink.BronzeTables;
import io.strata.common.config.StrataOptions;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.common.kafka.KafkaSources;
import io.strata.common.lineage.LineageOptions;
import io.strata.testing.FlinkMiniCluster;
import io.strata.testing.KafkaBroker;
import io.strata.testing.TestServices;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * bronze-ingest on a MiniCluster with lineage on: a local HTTP endpoint receives its OpenLineage
 * events, START, RUNNING per completed checkpoint and COMPLETE, with the Bronze tables and topics
 * as outputs, the raw topic as input, and the Strata facet's tenants, offset ranges, snapshot ids
 * and config version.
 */
class LineageITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path warehouse;

    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private HttpServer endpoint;

    @BeforeEach
    void startEndpoint() throws Exception {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext(
                "/api/v1/lineage",
                exchange -> {
                    events.add(JSON.readTree(exchange.getRequestBody()));
                    exchange.sendResponseHeaders(201, -1);
                    exchange.close();
                });
        endpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
    }

    @Test
    void aRunSendsStartRunningAndCompleteWithItsDatasetsAndFacets() throws Exception {
        KafkaBroker kafka = TestServices.kafka();
        String run = "lin" + Long.toString(System.nanoTime(), 36);
        String raw = "raw." + run;
        kafka.createTopic(raw, 2);
        try (SentRecords sent = new SentRecords(kafka.bootstrapServers())) {
            for (int i = 1; i <= 3; i++) {
                sent.accepted(raw, 0, "acme", "a" + i, event("acme", "a" + i, i));
            }
            for (int i = 1; i <= 2; i++) {
                sent.accepted(raw, 1, "globex", "g" + i, event("globex", "g" + i, i));
            }
        }
        Configuration config = config(run, kafka.bootstrapServers());

        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        env.setParallelism(2);
        new BronzeIngestTopology(
                        config,
                        KafkaSources.rawRecords(
                                        config,
                                        Pattern.compile(
                                                config.get(BronzeIngestOptions.TOPIC_PATTERN)),
                                        run,
                                        OffsetsInitializer.earliest(),
                                        Duration.ofMinutes(1))
                                .setBounded(OffsetsInitializer.latest())
                                .build(),
                        TenantControls.bounded(config, run),
                        BronzeIngestJob.sinks(config))
                .build(env);
        JobExecutionResult result = env.execute("bronze-ingest-lineage");

        List<String> types = events.stream().map(e -> e.path("eventType").asText()).toList();
        assertThat(types).first().isEqualTo("START");
        assertThat(types).last().isEqualTo("COMPLETE");
        assertThat(types).contains("RUNNING");
        String runId =
                new UUID(result.getJobID().getUpperPart(), result.getJobID().getLowerPart())
                        .toString();
        String configVersion = events.get(0).at("/run/facets/strata/configVersion").asText();
        assertThat(configVersion).startsWith("sha256:");
        for (JsonNode e : events) {
            assertThat(e.at("/run/runId").asText()).isEqualTo(runId);
            assertThat(e.at("/job/namespace").asText()).isEqualTo("strata-test");
            assertThat(e.at("/job/name").asText()).isEqualTo("bronze-ingest");
            assertThat(e.at("/run/facets/strata/configVersion").asText()).isEqualTo(configVersion);
            assertThat(e.path("schemaURL").asText()).contains("openlineage.io/spec/2-0-2");
            assertThat(names(e.path("outputs")))
                    .containsExactlyInAnyOrder(
                            "file:" + warehouse.toAbsolutePath() + "/bronze/events",
                            "file:" + warehouse.toAbsolutePath() + "/bronze/quarantine");
        }

        JsonNode running = merged(events, "RUNNING");
        assertThat(names(running.path("inputs")))
                .containsExactly("kafka://" + kafka.bootstrapServers() + "|" + raw);
        assertThat(texts(running.at("/run/facets/strata/tenants")))
                .containsExactlyInAnyOrder("acme", "globex");
        List<String> ranges = new ArrayList<>();
        running.at("/run/facets/strata/kafkaOffsets")
                .forEach(
                        o ->
                                ranges.add(
                                        o.path("tenant").asText()
                                                + "@"
                                                + o.path("topic").asText()
                                                + "/"
                                                + o.path("partition").asInt()
                                                + ":"
                                                + o.path("firstOffset").asLong()
                                                + "-"
                                                + o.path("lastOffset").asLong()));
        assertThat(ranges)
                .containsExactlyInAnyOrder("acme@" + raw + "/0:0-2", "globex@" + raw + "/1:0-1");

        long snapshot =
                IcebergCatalogs.load(config)
                        .loadTable(BronzeTables.eventsId(config))
                        .currentSnapshot()
                        .snapshotId();
        List<Long> reported = new ArrayList<>();
        events.stream()
                .filter(e -> e.path("eventType").asText().equals("RUNNING"))
                .forEach(
                        e ->
                                e.at("/run/facets/strata/icebergSnapshots")
                                        .forEach(
                                                s -> {
                                                    if (s.path("table")
                                                            .asText()
                                                            .equals("bronze.events")) {
                                                        reported.add(s.path("snapshotId").asLong());
                                                    }
                                                }));
        assertThat(reported).contains(snapshot);
    }

    private Configuration config(String run, String bootstrapServers) {
        Configuration config = new Configuration();
        config.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers);
        config.set(StrataOptions.ICEBERG_WAREHOUSE, warehouse.toUri().toString());
        config.set(StrataOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        config.set(BronzeIngestOptions.KAFKA_OUTPUT_ENABLED, false);
        config.set(BronzeIngestOptions.GROUP_ID, run);
        config.set(BronzeIngestOptions.TOPIC_PATTERN, "raw\\." + run);
        config.set(
                LineageOptions.URL,
                "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/api/v1/lineage");
        config.set(LineageOptions.NAMESPACE, "strata-test");
        return config;
    }

    private static byte[] event(String tenant, String id, int minute) {
        return platform(tenant, id, MONDAY_9AM.plus(Duration.ofMinutes(minute))).bytes();
    }

    /** Every RUNNING event's inputs and Strata facet lists, concatenated. */
    private static JsonNode merged(List<JsonNode> events, String type) {
        var merged = JSON.createObjectNode();
        var inputs = merged.putArray("inputs");
        var strata = merged.putObject("run").putObject("facets").putObject("strata");
        var tenants = strata.putArray("tenants");
        var offsets = strata.putArray("kafkaOffsets");
        List<String> seen = new ArrayList<>();
        for (JsonNode e : events) {
            if (!e.path("eventType").asText().equals(type)) {
                continue;
            }
            e.path("inputs")
                    .forEach(
                            i -> {
                                String key = i.path("namespace").asText() + i.path("name").asText();
                                if (!seen.contains(key)) {
                                    seen.add(key);
                                    inputs.add(i);
                                }
                            });
            e.at("/run/facets/strata/tenants")
                    .forEach(
                            t -> {
                                if (!texts(tenants).contains(t.asText())) {
                                    tenants.add(t);
                                }
                            });
            e.at("/run/facets/strata/kafkaOffsets").forEach(offsets::add);
        }
        return merged;
    }

    private static List<String> names(JsonNode datasets) {
        List<String> names = new ArrayList<>();
        datasets.forEach(
                d ->
                        names.add(
                                d.path("namespace").asText().startsWith("kafka://")
                                        ? d.path("namespace").asText()
                                                + "|"
                                                + d.path("name").asText()
                                        : d.path("namespace").asText()
                                                + ":"
                                                + d.path("name").asText()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
