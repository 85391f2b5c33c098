package io.strata.tools.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.StackHome;
import io.strata.tools.stack.TestStackHomes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The fault suite on a stack of its own (free ports, a state directory under {@code target/}): the
 * whole chain under a sliced workload, every fault kind twice (12 faults), then Bronze and Silver
 * equal to the oracle. Opt-in (about 20 minutes): {@code -Pchaos} or {@code -Dit.test=ChaosIT}.
 */
class ChaosIT {

    private static LocalStack stack;

    @Test
    void everyFaultIsRecoveredFromAndTheLayersEqualTheOracle() throws IOException {
        Path stateDir = Files.createTempDirectory(Path.of("target"), "chaos-it-").toAbsolutePath();
        StackHome home = TestStackHomes.withFreePorts(stateDir, Map.of());
        stack = new LocalStack(home);
        List<FaultKind> faults = new ArrayList<>(List.of(FaultKind.values()));
        faults.addAll(List.of(FaultKind.values()));

        ChaosRun.Outcome outcome =
                new ChaosRun(stack, System.out)
                        .run(
                                new ChaosRun.Options(
                                        5_000,
                                        42,
                                        faults,
                                        Duration.ofMinutes(10),
                                        Duration.ofMinutes(10)));

        ChaosReport report = outcome.report();
        assertThat(report.faultCount()).isGreaterThanOrEqualTo(10);
        assertThat(report.recoveredCount()).isEqualTo(report.faultCount());
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(outcome.file()).exists();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.down(System.out);
        }
    }
}
