package io.strata.tools.analysts;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import io.strata.common.flink.JobConfig;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.tools.analysts.DocQuery.Expected;
import io.strata.tools.analysts.TableauOutput.Result;
import io.strata.tools.stack.FlinkSqlClient;
import io.strata.tools.stack.JobsConfig;
import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.StackOptions;
import io.strata.tools.stack.TestStackHomes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every query of {@code docs/analysts.md}, as the page shows it, run non-interactively by {@code
 * ./strata sql -f} ({@link FlinkSqlClient}) on a local stack (Kafka, registry, Flink session
 * cluster as separate processes; free ports, a temporary state directory) with the init file
 * rendered from the stack's configuration. The content is known: rows appended to Iceberg tables
 * created with the jobs' schemas, Avro records put on the topics through the registry, both
 * positioned relative to now where a query asks about "today" or "this month". Each printed table
 * must equal the expected one, header and cells.
 */
class SqlClientIT {

    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws IOException {
        Path stateDir = Files.createTempDirectory(Path.of("target"), "sql-it-").toAbsolutePath();
        stack =
                new LocalStack(
                        TestStackHomes.withFreePorts(
                                stateDir,
                                Map.of(
                                        StackOptions.FLINK_TASKMANAGER_MEMORY.key(), "1792m",
                                        // No job runs here: the queries' class loaders only.
                                        StackOptions.FLINK_TASKMANAGER_METASPACE.key(), "512m",
                                        StackOptions.FLINK_TASK_SLOTS.key(), "4",
                                        StackOptions.KAFKA_HEAP.key(), "512m")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean up =
                stack.up(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        List.of("kafka", "registry", "flink-jobmanager", "flink-taskmanager")
                                .stream()
                                .map(name -> stack.service(name).orElseThrow())
                                .toList());
        assertThat(up).as(out.toString(StandardCharsets.UTF_8)).isTrue();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.down(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyQueryOfTheAnalystsPagePrintsTheExpectedTable() throws Exception {
        Today today = Today.awaitSafeTime();
        List<DocQuery> cases =
                List.of(
                        new PremiumOrdersThisMonth(today),
                        new QuarantineReasonsToday(today),
                        new TrainingSetAsOfLabels(),
                        new VaultOrdersOfCustomers(),
                        new ManifestOfATenant(),
                        new OrderVersionsOnKafka(),
                        new RecordsPerTopic());
        Map<String, String> queries = AnalystsPage.queries();
        assertThat(queries.keySet())
                .as("the queries of %s", AnalystsPage.PAGE)
                .containsExactlyElementsOf(cases.stream().map(DocQuery::heading).toList());

        Map<String, String> jobs = JobConfig.readFile(new JobsConfig(stack.home()).write());
        IcebergWriter iceberg =
                new IcebergWriter(IcebergCatalogs.load(Configuration.fromMap(jobs)));
        cases.forEach(c -> c.write(iceberg));
        Map<String, Long> sent;
        try (TopicWriter kafka =
                new TopicWriter(
                        jobs.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS.key()),
                        jobs.get(StrataOptions.SCHEMA_REGISTRY_URL.key()))) {
            cases.forEach(c -> c.send(kafka));
            sent = kafka.commit();
        }

        String output = runScript(cases, queries);
        List<Result> results = TableauOutput.parse(output);
        assertThat(results).as(output).hasSameSizeAs(cases);
        for (int i = 0; i < cases.size(); i++) {
            DocQuery c = cases.get(i);
            Expected expected = c.expected(sent);
            Result printed = results.get(i);
            assertThat(printed.header())
                    .as("header of ## %s", c.heading())
                    .isEqualTo(expected.header());
            if (expected.ordered()) {
                assertThat(printed.rows())
                        .as("## %s", c.heading())
                        .containsExactlyElementsOf(expected.rows());
            } else {
                assertThat(printed.rows())
                        .as("## %s", c.heading())
                        .containsExactlyInAnyOrderElementsOf(expected.rows());
            }
        }
    }

    /** {@code ./strata sql -f} over the cases' preambles and the page's queries, in order. */
    private static String runScript(List<DocQuery> cases, Map<String, String> queries)
            throws IOException {
        // One task per operator: the content is a few rows, and every task costs a deployment.
        List<String> statements = new ArrayList<>(List.of("SET 'parallelism.default' = '1'"));
        cases.forEach(c -> statements.addAll(c.preamble()));
        cases.forEach(c -> statements.add(queries.get(c.heading())));
        Path script = stack.home().home().resolve("analysts-queries.sql");
        Files.writeString(script, String.join(";\n\n", statements) + ";\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int exit =
                new FlinkSqlClient(stack.home())
                        .runScript(
                                List.of("-f", script.toString()),
                                new PrintStream(out, true, StandardCharsets.UTF_8));
        String output = out.toString(StandardCharsets.UTF_8);
        System.out.printf(
                "SQL client: %d statements in %.1f s%n%s%n",
                statements.size(), (System.nanoTime() - started) / 1e9, output);
        assertThat(exit).as(output).isZero();
        return output;
    }
}
