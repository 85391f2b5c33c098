package io.strata.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.flink.JobConfig;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.tools.summary.IcebergCounts;
import io.strata.tools.workload.StackWorkload;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oracle.Expectation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the real local stack (separate processes, free ports, a temporary state directory), checks
 * each service answers, that the Flink CLI talks to the cluster, and that {@code down} leaves no
 * process behind. Runs after {@code package}, which assembles the jars it launches.
 */
class LocalStackIT {

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
        settings.put(StackOptions.FLINK_TASKMANAGER_MEMORY.key(), "1536m");
        settings.put(StackOptions.FLINK_TASK_SLOTS.key(), "2");
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

        submitBronzeAndCheckItAgainstTheOracle();

        List<ProcessHandle> processes =
                stack.services().stream().map(s -> s.running().orElseThrow()).toList();
        stack.down(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(stack.services()).allMatch(s -> s.running().isEmpty());
    }

    /**
     * What {@code ./strata demo} does, small: {@code flink run -d} the bronze-ingest jar (built
     * earlier in the reactor), see it RUNNING through the REST API, send a generated workload and
     * find exactly the oracle's rows per tenant in Iceberg.
     */
    private void submitBronzeAndCheckItAgainstTheOracle() {
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
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + timeout).isLessThan(deadline);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
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
