package io.strata.workload;

import io.strata.workload.WorkloadRunner.KafkaRun;
import io.strata.workload.oracle.BronzeCounts;
import io.strata.workload.oracle.Expectation;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.raw.RawDigest;
import io.strata.workload.raw.RawStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Command line: {@code WorkloadCli [--bootstrap-servers=H:P] [--jdbc-url=URL] [--dry-run]
 * [--<option>=<value> ...]}. With Kafka and Postgres both given, the raw records and the OLTP
 * changes run in parallel. {@code --help} lists every option.
 */
public final class WorkloadCli {

    private static final String USAGE =
            """
            Usage: WorkloadCli [targets] [--<option>=<value> ...]
            Targets (at least one):
              --bootstrap-servers=HOST:PORT   send raw records to Kafka (topic created if absent)
              --partitions=N                  partitions when creating the topic (default 2)
              --jdbc-url=URL                  apply the OLTP seed and changes to Postgres
              --jdbc-user=USER --jdbc-password=PASSWORD
              --oltp-reset                    drop and recreate schema platform first
              --dry-run                       render only: count, SHA-256, rate, expectation
            Options:
            """;

    private WorkloadCli() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new HashMap<>();
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                fail("Unexpected argument " + arg);
            }
            String[] kv = arg.substring(2).split("=", 2);
            boolean isOption = WorkloadOptions.ALL.stream().anyMatch(o -> o.key().equals(kv[0]));
            (isOption ? options : flags).put(kv[0], kv.length == 2 ? kv[1] : "true");
        }
        if (flags.containsKey("help") || flags.isEmpty()) {
            usage(System.out);
            return;
        }
        Workload workload = Workload.of(WorkloadParams.fromMap(options));
        System.out.println("Workload " + workload.params().describe());
        if (flags.containsKey("dry-run")) {
            dryRun(workload);
            return;
        }
        CompletableFuture<Void> oltp = CompletableFuture.completedFuture(null);
        if (flags.containsKey("jdbc-url")) {
            oltp = CompletableFuture.runAsync(() -> postgres(workload, flags));
        }
        if (flags.containsKey("bootstrap-servers")) {
            kafka(workload, flags);
        }
        oltp.join();
    }

    private static void dryRun(Workload workload) {
        RawStream records = workload.records();
        RawDigest digest = RawDigest.of(records);
        System.out.printf(
                "Rendered %d records (%d bytes) in %.2fs: %.0f records/s, sha256 %s%n",
                digest.records(),
                digest.bytes(),
                digest.elapsed().toMillis() / 1000.0,
                digest.recordsPerSecond(),
                digest.sha256());
        print(Oracle.compute(workload.records(), workload.oracleOptions()));
    }

    private static void kafka(Workload workload, Map<String, String> flags) {
        String servers = flags.get("bootstrap-servers");
        int partitions = Integer.parseInt(flags.getOrDefault("partitions", "2"));
        WorkloadRunner.ensureTopic(servers, workload.params().topic(), partitions);
        KafkaRun run = WorkloadRunner.sendToKafka(workload, servers, p -> System.out.println(p));
        System.out.printf(
                "Sent %d records (%d bytes) to %s in %.2fs%n",
                run.sent().records(),
                run.sent().bytes(),
                workload.params().topic(),
                run.sent().elapsed().toMillis() / 1000.0);
        print(run.expectation());
    }

    private static void postgres(Workload workload, Map<String, String> flags) {
        try {
            WorkloadRunner.applyToPostgres(
                    workload,
                    flags.get("jdbc-url"),
                    flags.get("jdbc-user"),
                    flags.get("jdbc-password"),
                    flags.containsKey("oltp-reset"),
                    p -> System.out.println(p));
        } catch (Exception e) {
            throw new IllegalStateException("Postgres run failed", e);
        }
    }

    private static void print(Expectation e) {
        System.out.println(
                "Expected Bronze per tenant (input = accepted + duplicates + quarantined):");
        for (BronzeCounts c : e.bronze().values()) {
            System.out.printf(
                    "  %-14s input %d, accepted %d (late %d), duplicates %d, quarantined %s%n",
                    c.tenant(), c.input(), c.accepted(), c.late(), c.duplicates(), c.quarantined());
        }
        System.out.println("Expected Silver quarantine: " + e.silverQuarantine());
        System.out.println("Expected Silver rows: " + e.silver().counts());
    }

    private static void usage(PrintStream out) {
        out.print(USAGE);
        for (WorkloadOption<?> o : WorkloadOptions.ALL) {
            out.printf(
                    "  --%-28s %s (default %s)%n",
                    o.key() + "=", o.description(), o.defaultValue());
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        usage(System.err);
        System.exit(2);
    }
}
