package io.strata.tools.workload;

import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.StackOptions;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadRunner;
import io.strata.workload.WorkloadRunner.KafkaRun;
import io.strata.workload.oracle.BronzeCounts;
import io.strata.workload.oracle.Expectation;
import io.strata.workload.progress.Progress;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Runs the workload generator against the local stack's Kafka and Postgres. */
public final class StackWorkload {

    private final LocalStack stack;
    private final PrintStream out;

    public StackWorkload(LocalStack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    /**
     * Sends the raw records to Kafka and, in parallel, applies the OLTP seed and changes to
     * Postgres; returns the oracle's expectation of the Kafka part (empty when Kafka is skipped).
     */
    public Optional<Expectation> run(
            Workload workload, boolean toKafka, boolean toPostgres, boolean resetOltp) {
        CompletableFuture<Void> oltp = CompletableFuture.completedFuture(null);
        if (toPostgres) {
            oltp = CompletableFuture.runAsync(() -> postgres(workload, resetOltp));
        }
        Optional<Expectation> expectation = Optional.empty();
        if (toKafka) {
            expectation = Optional.of(kafka(workload));
        }
        oltp.join();
        return expectation;
    }

    private Expectation kafka(Workload workload) {
        String servers = "localhost:" + stack.home().get(StackOptions.KAFKA_PORT);
        int partitions = stack.home().get(StackOptions.KAFKA_PARTITIONS);
        WorkloadRunner.ensureTopic(servers, workload.params().topic(), partitions);
        KafkaRun run = WorkloadRunner.sendToKafka(workload, servers, this::progress);
        out.printf(
                "  kafka: sent %,d records (%,d bytes) to %s in %.1f s%n",
                run.sent().records(),
                run.sent().bytes(),
                workload.params().topic(),
                run.sent().elapsed().toMillis() / 1000.0);
        return run.expectation();
    }

    private void postgres(Workload workload, boolean reset) {
        String database = stack.home().get(StackOptions.POSTGRES_DATABASE);
        try {
            WorkloadRunner.applyToPostgres(
                    workload,
                    stack.postgres().jdbcUrl(database),
                    "postgres",
                    "",
                    reset,
                    this::progress);
        } catch (Exception e) {
            throw new IllegalStateException("Applying the OLTP workload to Postgres failed", e);
        }
    }

    private synchronized void progress(Progress progress) {
        out.println("  " + progress);
    }

    /** Prints the oracle's expected Bronze counts per tenant. */
    public static void printExpectation(Expectation expectation, PrintStream out) {
        out.printf(
                "  %-14s %9s %9s %6s %10s %11s%n",
                "TENANT", "INPUT", "ACCEPTED", "LATE", "DUPLICATES", "QUARANTINED");
        for (BronzeCounts c : expectation.bronze().values()) {
            out.printf(
                    "  %-14s %,9d %,9d %,6d %,10d %,11d%n",
                    c.tenant(),
                    c.input(),
                    c.accepted(),
                    c.late(),
                    c.duplicates(),
                    c.quarantinedTotal());
        }
    }
}
