package io.strata.tools.chaos;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of a chaos run: each fault with its recovery, and each comparison with the oracle.
 */
public final class ChaosReport {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final List<FaultResult> faults;
    private final List<Check> checks;
    private final List<String> notes;

    ChaosReport(List<FaultResult> faults, List<Check> checks, List<String> notes) {
        this.faults = List.copyOf(faults);
        this.checks = List.copyOf(checks);
        this.notes = List.copyOf(notes);
    }

    /** True when every fault was injected and recovered from, and every comparison held. */
    public boolean passed() {
        return !faults.isEmpty()
                && !checks.isEmpty()
                && faults.stream().allMatch(FaultResult::recovered)
                && checks.stream().allMatch(Check::passed);
    }

    public int faultCount() {
        return faults.size();
    }

    public int recoveredCount() {
        return (int) faults.stream().filter(FaultResult::recovered).count();
    }

    public List<String> failedChecks() {
        return checks.stream().filter(c -> !c.passed()).map(ChaosReport::line).toList();
    }

    public void print(PrintStream out) {
        out.println("-- Faults (recovery: injection -> every job RUNNING with all tasks and a");
        out.println("   checkpoint completed after the cause was removed)");
        out.printf(
                "  %-3s %-19s %-9s %10s %8s  %s%n",
                "#", "KIND", "INJECTED", "RECOVERY", "RESTARTS", "DETAIL");
        for (FaultResult f : faults) {
            out.printf(
                    "  %-3d %-19s %-9s %10s %8d  %s%n",
                    f.number(),
                    f.kind().cliName(),
                    TIME.format(f.injected()),
                    f.error().isPresent()
                            ? "ERROR"
                            : f.recovery()
                                    .map(d -> String.format("%.1f s", d.toMillis() / 1000.0))
                                    .orElse("NONE"),
                    f.totalRestarts(),
                    f.error().orElse(f.detail()) + restartsByJob(f.restarts()));
        }
        out.println("-- Layers against the oracle");
        for (Check c : checks) {
            out.println("  " + line(c));
        }
        for (String note : notes) {
            out.println("  note: " + note);
        }
        out.printf(
                "== chaos: %s (%d faults, %d recovered; %d of %d comparisons equal)%n",
                passed() ? "PASSED" : "FAILED",
                faults.size(),
                recoveredCount(),
                checks.stream().filter(Check::passed).count(),
                checks.size());
    }

    private static String restartsByJob(Map<String, Long> restarts) {
        String jobs =
                restarts.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
        return jobs.isEmpty() ? "" : " [restarts: " + jobs + "]";
    }

    private static String line(Check c) {
        return String.format(
                "%-4s %-6s %s: expected %s, found %s",
                c.passed() ? "OK" : "DIFF", c.layer(), c.what(), c.expected(), c.actual());
    }
}
