package io.strata.tools.bench;

import io.strata.tools.stack.FlinkCli;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.JobCatalog;
import io.strata.tools.stack.StackHome;
import io.strata.tools.stack.StackOptions;
import io.strata.workload.WorkloadRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The three jobs of one chain run, submitted as {@code ./strata demo} submits them ({@code flink
 * run -d} with the stack's jobs configuration) plus the run's {@link ChainNames} and the bench's
 * settings as job arguments, which win over the configuration file. Cancels them and drops what
 * they wrote when the run is over.
 */
final class ChainJobs {

    /** The chain, upstream first. */
    static final List<String> JOBS = List.of("bronze-ingest", "silver-conform", "gold-features");

    private static final Set<String> TERMINAL = Set.of("FAILED", "CANCELED", "FINISHED");

    private final StackHome home;
    private final Path jobsConfig;
    private final FlinkRest rest;

    ChainJobs(StackHome home, Path jobsConfig, FlinkRest rest) {
        this.home = home;
        this.jobsConfig = jobsConfig;
        this.rest = rest;
    }

    /**
     * Submits the three jobs; returns job name → id, or empty (with the CLI's output printed) when
     * one was refused, in which case the ones already submitted are cancelled.
     *
     * @param common arguments every job gets (checkpoint interval, delivery mode)
     * @param extra bench-only arguments per job, stated in the report
     */
    Optional<Map<String, String>> submit(
            ChainNames names,
            List<String> common,
            Map<String, List<String>> extra,
            PrintStream log) {
        // The stack auto-creates bronze-ingest's output topic on its first write; silver-conform,
        // subscribed before, would find it only at its next partition discovery (up to 30 s).
        // An operator has the topic before the jobs; so does the bench.
        WorkloadRunner.ensureTopic(
                "localhost:" + home.get(StackOptions.KAFKA_PORT),
                names.bronzeTopic(),
                home.get(StackOptions.KAFKA_PARTITIONS));
        Map<String, String> ids = new LinkedHashMap<>();
        for (String job : JOBS) {
            List<String> args =
                    new ArrayList<>(
                            switch (job) {
                                case "bronze-ingest" -> names.bronzeArguments(common);
                                case "silver-conform" -> names.silverArguments(common);
                                default -> names.goldArguments(common);
                            });
            args.addAll(extra.getOrDefault(job, List.of()));
            Optional<String> id = submit(job, args, log);
            if (id.isEmpty()) {
                cancel(ids.values());
                return Optional.empty();
            }
            ids.put(job, id.get());
        }
        return Optional.of(ids);
    }

    private Optional<String> submit(String name, List<String> args, PrintStream log) {
        JobCatalog.Job job = JobCatalog.job(name);
        Path jar = new JobCatalog(home).jar(job.module());
        ByteArrayOutputStream cliOutput = new ByteArrayOutputStream();
        FlinkCli.Result submitted =
                new FlinkCli(home)
                        .runCapturing(
                                JobCatalog.runArguments(job, jar, jobsConfig, args),
                                new PrintStream(cliOutput, true, StandardCharsets.UTF_8));
        if (submitted.submittedJobId().isEmpty()) {
            log.println("  flink run " + name + " failed:");
            log.println(submitted.output());
        }
        return submitted.submittedJobId();
    }

    /**
     * When the last task of each job switched to RUNNING (job name → epoch millis); empty if a job
     * ended or the jobs were not all running within {@code timeout}.
     */
    Optional<Map<String, Long>> awaitRunning(Map<String, String> ids, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Long> since = new LinkedHashMap<>();
            for (Map.Entry<String, String> job : ids.entrySet()) {
                String state = rest.state(job.getValue()).orElse("UNKNOWN");
                if (TERMINAL.contains(state)) {
                    return Optional.empty();
                }
                if (state.equals("RUNNING")) {
                    rest.allTasksRunningSince(job.getValue())
                            .ifPresent(t -> since.put(job.getKey(), t));
                }
            }
            if (since.size() == ids.size()) {
                return Optional.of(since);
            }
            ClusterRun.sleep(Duration.ofMillis(500));
        }
        return Optional.empty();
    }

    /** The first job of {@code ids} that has ended (failed, cancelled), if any. */
    Optional<String> ended(Map<String, String> ids) {
        return ids.entrySet().stream()
                .filter(e -> rest.state(e.getValue()).filter(TERMINAL::contains).isPresent())
                .map(e -> e.getKey() + " " + rest.state(e.getValue()).orElse(""))
                .findFirst();
    }

    /** Cancels the jobs and waits until they are gone, so the next run has the cluster. */
    void cancel(Iterable<String> ids) {
        for (String id : ids) {
            try {
                rest.cancel(id);
            } catch (RuntimeException e) {
                // already ended
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String id : ids) {
            while (System.nanoTime() < deadline
                    && rest.state(id).filter(s -> !TERMINAL.contains(s)).isPresent()) {
                ClusterRun.sleep(Duration.ofMillis(500));
            }
        }
    }

    /** Drops the run's tables and namespaces and deletes its topics; failures are only printed. */
    static void cleanUp(Catalog catalog, String servers, ChainNames names, PrintStream log) {
        try {
            catalog.dropTable(TableIdentifier.parse(names.bronzeTable()), true);
            catalog.dropTable(TableIdentifier.parse(names.bronzeQuarantineTable()), true);
            for (String ns : List.of(names.silverNamespace(), names.goldNamespace())) {
                Namespace namespace = Namespace.of(ns);
                for (TableIdentifier table : catalog.listTables(namespace)) {
                    catalog.dropTable(table, true);
                }
                if (catalog instanceof SupportsNamespaces namespaces) {
                    namespaces.dropNamespace(namespace);
                }
            }
        } catch (RuntimeException e) {
            log.println("  could not drop every table of " + names.run() + ": " + e.getMessage());
        }
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            List<String> topics =
                    admin.listTopics().names().get().stream()
                            .filter(t -> t.startsWith(names.topicPrefix()))
                            .toList();
            BenchTopic.delete(servers, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            log.println("  could not delete the topics of " + names.run() + ": " + e.getMessage());
        }
    }
}
