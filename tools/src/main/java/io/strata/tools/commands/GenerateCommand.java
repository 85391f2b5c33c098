package io.strata.tools.commands;

import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.StackHome;
import io.strata.tools.workload.StackWorkload;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./strata generate}: the deterministic workload into the local Kafka and Postgres. */
@Command(
        name = "generate",
        description =
                "Generate the multi-tenant workload: raw records to Kafka (raw.webhooks) and OLTP"
                        + " changes to Postgres, and print what Bronze must then hold.")
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--events", description = "Raw events to generate (default 100000).")
    private Long events;

    @Option(names = "--seed", description = "Random seed: same seed, same records (default 42).")
    private Long seed;

    @Option(names = "--rate", description = "Events per second, 0 = as fast as possible.")
    private Double rate;

    @Option(
            names = "--set",
            description = "Any workload option, e.g. --set duplicate-rate=0.05 (repeatable).")
    private Map<String, String> settings = new HashMap<>();

    @Option(names = "--no-kafka", description = "Skip the raw records.")
    private boolean noKafka;

    @Option(names = "--no-postgres", description = "Skip the OLTP changes.")
    private boolean noPostgres;

    @Option(
            names = "--oltp-reset",
            description = "Drop and recreate the platform schema in Postgres first.")
    private boolean oltpReset;

    @Override
    public Integer call() {
        LocalStack stack = new LocalStack(StackHome.fromEnvironment());
        Workload workload = Workload.of(params());
        System.out.println("Workload " + workload.params().describe());
        new StackWorkload(stack, System.out)
                .run(workload, !noKafka, !noPostgres, oltpReset)
                .ifPresent(
                        e -> {
                            System.out.println("What Bronze must hold (the oracle):");
                            StackWorkload.printExpectation(e, System.out);
                        });
        return 0;
    }

    private WorkloadParams params() {
        Map<String, String> values = new HashMap<>(settings);
        if (events != null) {
            values.put(WorkloadOptions.EVENTS.key(), events.toString());
        }
        if (seed != null) {
            values.put(WorkloadOptions.SEED.key(), seed.toString());
        }
        if (rate != null) {
            values.put(WorkloadOptions.RATE.key(), rate.toString());
        }
        return WorkloadParams.fromMap(values);
    }
}
