package io.strata.tools.commands;

import io.strata.tools.chaos.ChaosRun;
import io.strata.tools.chaos.FaultKind;
import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.StackHome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./strata chaos}: the fault suite on the local stack, compared with the oracle. */
@Command(
        name = "chaos",
        description =
                "From a clean state, run the whole chain under a sliced seeded workload, inject"
                        + " faults one after another (each recovered from before the next), then"
                        + " compare Bronze, Silver and Gold with the oracle. Exit 0 only when every"
                        + " fault was recovered from and every comparison is equal.")
public final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--events", defaultValue = "10000", description = "Raw events to generate.")
    private long events;

    @Option(names = "--seed", defaultValue = "42", description = "Workload seed.")
    private long seed;

    @Option(
            names = "--faults",
            defaultValue = "all",
            description =
                    "Fault kinds in order, comma-separated, or all: task-failure,"
                            + " taskmanager-kill, kafka-restart, postgres-restart,"
                            + " registry-restart, checkpoint-failure.")
    private String faults;

    @Option(
            names = "--rounds",
            defaultValue = "2",
            description = "How often the list of faults is injected (all x 2 = 12 faults).")
    private int rounds;

    @Option(
            names = "--recovery-timeout",
            defaultValue = "PT10M",
            description = "How long the jobs may take to recover from one fault (ISO-8601).")
    private Duration recoveryTimeout;

    @Option(
            names = "--wait",
            defaultValue = "PT10M",
            description = "How long each layer may take to catch up after the last fault.")
    private Duration wait;

    @Override
    public Integer call() throws Exception {
        List<FaultKind> kinds = FaultKind.parseList(faults);
        List<FaultKind> sequence = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            sequence.addAll(kinds);
        }
        ChaosRun.Outcome outcome =
                new ChaosRun(new LocalStack(StackHome.fromEnvironment()), System.out)
                        .run(new ChaosRun.Options(events, seed, sequence, recoveryTimeout, wait));
        return outcome.report().passed() ? 0 : 1;
    }
}
