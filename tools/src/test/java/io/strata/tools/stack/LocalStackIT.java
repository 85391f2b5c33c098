package io.strata.tools.stack;

import static io.strata.tools.metrics.PrometheusText.flinkLabelValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.flink.JobConfig;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.tools.metrics.GrafanaDashboard;
import io.strata.tools.metrics.NotScrapedByLocalStackIT;
import io.strata.tools.metrics.PrometheusText;
import io.strata.tools.summary.IcebergCounts;
import io.strata.tools.upgrade.BronzeUpgrades;
import io.strata.tools.workload.StackWorkload;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oracle.BronzeCounts;
import io.strata.workload.oracle.Expectation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the real local stack (separate processes, free ports, a temporary state directory), checks
 * each service answers, that the Flink CLI talks to the cluster, runs bronze-ingest against the
 * oracle, scrapes its metrics, upgrades it through savepoints with {@code ./strata upgrade} ({@link
 * BronzeUpgrades}: to the same jar, to one that is refused, to its v2), and that {@code down}
 * leaves no process behind. Runs after {@code package}, which assembles the jars it launches.
 */
class LocalStackIT {

    private static final String OPERATOR = "flink_taskmanager_job_task_operator_";

    private static LocalStack stack;
    private static Path stateDir;

    @BeforeAll
    static void startStack() throws IOException {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        stateDir = Files.createTempDirectory(Path.of("target"), "stack-it-").toAbsolutePath();
        Map<String, String> settings = new HashMap<>();
        settings.put(StackOptions.KAFKA_PORT.key(), Integer.toString(freePort()));
        settings.put(StackOptions.KAFKA_CONTROLLER_PORT.key(), Integer.toString(freePort()));
        settings.put(StackOptions.REGISTRY_PORT.key(), Integer.toString(freePort()));
        settings.put(StackOptions.POSTGRES_PORT.key(), Integer.toString(freePort()));
        settings.put(StackOptions.FLINK_REST_PORT.key(), Integer.toString(freePort()));
        settings.put(StackOptions.FLINK_RPC_PORT.key(), Integer.toString(freePort()));
        settings.put(StackOptions.FLINK_TASKMANAGER_RPC_PORT.key(), Integer.toString(freePort()));
        settings.put(
                StackOptions.FLINK_JOBMANAGER_METRICS_PORT.key(), Integer.toString(freePort()));
        settings.put(
                StackOptions.FLINK_TASKMANAGER_METRICS_PORT.key(), Integer.toString(freePort()));
        settings.put(StackOptions.FLINK_TASKMANAGER_MEMORY.key(), "1536m");
        settings.put(StackOptions.FLINK_TASKMANAGER_METASPACE.key(), "256m");
        settings.put(StackOptions.FLINK_TASK_SLOTS.key(), "2");
        // Also where a ./strata process finds them (STRATA_HOME=stateDir), as for ./strata upgrade.
        Properties file = new Properties();
        file.putAll(settings);
        try (var out = Files.newOutputStream(stateDir.resolve("stack.properties"))) {
            file.store(out, "LocalStackIT");
        }
        stack = new LocalStack(new StackHome(repo, stateDir, Configuration.fromMap(settings)));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.down(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
    }

    @Test
    void upStatusFlinkCliAndDown() {
        ByteArrayOutputStream upOutput = new ByteArrayOutputStream();
        boolean up = stack.up(new PrintStream(upOutput, true, StandardCharsets.UTF_8));
        assertThat(up).as(upOutput.toString(StandardCharsets.UTF_8)).isTrue();
        for (Service service : stack.services()) {
            assertThat(service.isReady()).as(service.name()).isTrue();
        }
        assertThat(platformTables()).contains("customers", "products", "price_lists", "tenants");
        assertThat(new JobsConfig(stack.home()).path())
                .content()
                .contains(
                        "bootstrap-servers: localhost:" + stack.home().get(StackOptions.KAFKA_PORT))
                .contains("warehouse: file://" + stateDir + "/warehouse")
                .contains("port: " + stack.home().get(StackOptions.POSTGRES_PORT));

        // Starting twice is harmless: every service reports it is already running.
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(stack.up(new PrintStream(again, true, StandardCharsets.UTF_8))).isTrue();
        assertThat(again.toString(StandardCharsets.UTF_8).lines())
                .hasSize(stack.services().size())
                .allMatch(line -> line.contains("already running"));

        ByteArrayOutputStream status = new ByteArrayOutputStream();
        stack.status(new PrintStream(status, true, StandardCharsets.UTF_8));
        assertThat(status.toString(StandardCharsets.UTF_8).lines().skip(1))
                .hasSize(stack.services().size())
                .allMatch(line -> line.matches("\\s+\\S+\\s+up\\s+\\d+\\s+\\d+\\s+.*"));

        assertThat(new FlinkCli(stack.home()).run(List.of("list"))).isZero();
        assertThat(new FlinkRest(stack.home()).jobs()).isEmpty();

        Map<String, BronzeCounts> bronze = submitBronzeAndCheckItAgainstTheOracle();
        scrapeMetricsAndCheckTheDashboard(bronze);
        long upgrading = System.nanoTime();
        BronzeUpgrades upgrades = new BronzeUpgrades(stack);
        upgrades.toTheSameJarKeepsTheDedupeState();
        upgrades.aRenamedUidIsRefusedAndTheOldJarRunsOn(stateDir);
        upgrades.toV2KeepsTheDedupeStateAndFillsTheNewColumn(stateDir);
        System.out.printf("Upgrades took %.1f s%n", (System.nanoTime() - upgrading) / 1e9);

        List<ProcessHandle> processes =
                stack.services().stream().map(s -> s.running().orElseThrow()).toList();
        stack.down(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(stack.services()).allMatch(s -> s.running().isEmpty());
    }

    /**
     * What {@code ./strata demo} does, small: {@code flink run -d} the bronze-ingest jar (built
     * earlier in the reactor), see it RUNNING through the REST API, send a generated workload and
     * find exactly the oracle's rows per tenant in Iceberg. Returns the oracle's Bronze counts per
     * tenant.
     */
    private Map<String, BronzeCounts> submitBronzeAndCheckItAgainstTheOracle() {
        JobCatalog jobs = new JobCatalog(stack.home());
        assertThat(jobs.mainClass("bronze-ingest")).contains("io.strata.bronze.BronzeIngestJob");
        Path config = new JobsConfig(stack.home()).path();
        int rc =
                new FlinkCli(stack.home())
                        .run(
                                jobs.runArguments(
                                        JobCatalog.job("bronze-ingest"),
                                        config,
                                        List.of("--strata.checkpoint.interval", "2s")));
        assertThat(rc).isZero();
        FlinkRest rest = new FlinkRest(stack.home());
        awaitTrue(
                () ->
                        rest.jobs().stream()
                                .anyMatch(
                                        j ->
                                                j.name().equals("bronze-ingest")
                                                        && j.state().equals("RUNNING")),
                Duration.ofSeconds(60));

        Workload workload = Workload.of(WorkloadParams.builder().seed(7).events(2_000).build());
        Expectation expected =
                new StackWorkload(stack, new PrintStream(new ByteArrayOutputStream()))
                        .run(workload, true, false, false)
                        .orElseThrow();
        IcebergCounts counts =
                new IcebergCounts(
                        IcebergCatalogs.load(Configuration.fromMap(JobConfig.readFile(config))));
        Map<String, Long> expectedRows = new TreeMap<>();
        expected.bronze().forEach((tenant, c) -> expectedRows.put(tenant, c.accepted()));
        expectedRows.values().removeIf(n -> n == 0);
        awaitTrue(
                () ->
                        counts.countBy("bronze.events", "tenant_id")
                                .orElse(Map.of())
                                .equals(expectedRows),
                Duration.ofSeconds(90));
        return expected.bronze();
    }

    /**
     * Scrapes the JobManager's and TaskManager's Prometheus endpoints while bronze-ingest runs:
     * both answer with Prometheus text, Bronze's per-tenant counters match the oracle, checkpoints
     * and Iceberg commits are reported, and every metric {@code docker/grafana/strata.json} queries
     * is in the scrape, except the few of jobs this test does not run ({@link
     * NotScrapedByLocalStackIT}), which must then really be absent.
     */
    private void scrapeMetricsAndCheckTheDashboard(Map<String, BronzeCounts> bronze) {
        FlinkService jobManager = FlinkService.jobManager(stack.home());
        FlinkService taskManager = FlinkService.taskManager(stack.home());
        assertThat(jobManager.endpoint()).contains(jobManager.metricsUrl());
        String jobName = flinkLabelValue("bronze-ingest");
        Map<String, String> job = Map.of("job_name", jobName);

        // Iceberg holding every accepted row does not mean a duplicate sent last was processed.
        Map<String, Long> expected = new TreeMap<>();
        bronze.forEach(
                (tenant, counts) -> {
                    expected.put("accepted " + flinkLabelValue(tenant), counts.accepted());
                    expected.put("duplicates " + flinkLabelValue(tenant), counts.duplicates());
                });
        expected.values().removeIf(n -> n == 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        PrometheusText tm = scrape(taskManager.metricsUrl());
        while (!tenantCounters(tm, job).equals(expected) && System.nanoTime() < deadline) {
            pause(Duration.ofSeconds(1));
            tm = scrape(taskManager.metricsUrl());
        }
        assertThat(tenantCounters(tm, job)).as("Bronze counters per tenant").isEqualTo(expected);

        PrometheusText jm = scrape(jobManager.metricsUrl());
        assertThat(jm.sum("flink_jobmanager_job_numberOfCompletedCheckpoints", job)).isPositive();
        assertThat(jm.sum("flink_jobmanager_job_lastCheckpointSize", job)).isPositive();
        assertThat(jm.select("flink_jobmanager_job_lastCheckpointDuration", job))
                .singleElement()
                .satisfies(s -> assertThat(s.value()).isBetween(0.0, 60_000.0));
        assertThat(tm.sum(OPERATOR + "IcebergFilesCommitter_table_committedDataFilesCount", job))
                .isPositive();

        Set<String> scraped = new TreeSet<>(jm.names());
        scraped.addAll(tm.names());
        Set<String> queried =
                GrafanaDashboard.read(stack.home().repo().resolve("docker/grafana/strata.json"))
                        .metricNames();
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(scraped);
        assertThat(missing)
                .as("dashboard metrics absent from the scrape")
                .containsExactlyInAnyOrderElementsOf(NotScrapedByLocalStackIT.METRICS.keySet());
    }

    /** bronze-ingest's per-tenant counters, summed over subtasks: {@code "accepted acme" → n}. */
    private static Map<String, Long> tenantCounters(
            PrometheusText scrape, Map<String, String> job) {
        Map<String, Long> counters = new TreeMap<>();
        for (String counter : List.of("accepted", "duplicates")) {
            for (PrometheusText.Sample sample :
                    scrape.select(OPERATOR + "tenant_" + counter, job)) {
                counters.merge(
                        counter + " " + sample.labels().get("tenant"),
                        (long) sample.value(),
                        Long::sum);
            }
        }
        counters.values().removeIf(n -> n == 0);
        return counters;
    }

    /** GET a Prometheus endpoint: a 200 in the text exposition format, parsed. */
    private static PrometheusText scrape(String url) {
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(url)).GET().build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(url)
                    .hasValueSatisfying(
                            type -> assertThat(type).startsWith("text/plain").contains("0.0.4"));
            return PrometheusText.parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + timeout).isLessThan(deadline);
            pause(Duration.ofMillis(500));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The OLTP tables {@code up} creates in the platform database for the CDC path. */
    private static List<String> platformTables() {
        String url = stack.postgres().jdbcUrl(stack.home().get(StackOptions.POSTGRES_DATABASE));
        try (var c = java.sql.DriverManager.getConnection(url);
                var rs =
                        c.createStatement()
                                .executeQuery(
                                        "SELECT table_name FROM information_schema.tables"
                                                + " WHERE table_schema = 'platform'")) {
            List<String> tables = new java.util.ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            return tables;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
