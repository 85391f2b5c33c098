package io.strata.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * CPU time (user + system) of a process, from {@code /proc/<pid>/stat}: the TaskManager's, so
 * "events per CPU-second" counts the work of the job's tasks and nothing else the machine runs.
 */
final class ProcessCpu {

    /** Linux reports utime and stime in clock ticks: USER_HZ, 100 on every common kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {}

    /** CPU seconds used so far by process {@code pid}, or empty when it cannot be read. */
    static OptionalDouble seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: count fields after its closing ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return OptionalDouble.of(ticks / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }
}
