package io.strata.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Java Flight Recorder recording of the TaskManager while one pipeline runs, started and stopped
 * with the JDK's {@code jcmd} (the bench runs on the JDK that runs the stack). JFR's {@code
 * profile} settings sample every Java thread's stack every 10-20 ms at about 1% overhead, so the
 * recording shows where the job's CPU goes without changing how the job is started.
 */
final class TaskManagerProfile {

    private static final String NAME = "strata-bench";

    private final long pid;
    private final Path file;
    private final PrintStream log;

    private TaskManagerProfile(long pid, Path file, PrintStream log) {
        this.pid = pid;
        this.file = file;
        this.log = log;
    }

    /** Starts recording TaskManager {@code pid}; empty (and why, on {@code log}) if it cannot. */
    static Optional<TaskManagerProfile> start(long pid, Path file, PrintStream log) {
        if (pid <= 0) {
            log.println("  profile: no TaskManager PID, not recorded");
            return Optional.empty();
        }
        TaskManagerProfile profile = new TaskManagerProfile(pid, file, log);
        return profile.jcmd("JFR.start", "name=" + NAME, "settings=profile")
                ? Optional.of(profile)
                : Optional.empty();
    }

    /** Stops the recording and writes it to the file; empty if that failed. */
    Optional<Path> stop() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.println("  profile: cannot write " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        boolean stopped = jcmd("JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
        return stopped && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private boolean jcmd(String command, String... options) {
        List<String> args = new ArrayList<>();
        args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        args.add(Long.toString(pid));
        args.add(command);
        args.addAll(List.of(options));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.println("  profile: jcmd " + command + " did not return within 60 s");
                return false;
            }
            // jcmd exits 0 even when the command itself failed; its output then says so.
            if (p.exitValue() != 0 || output.contains("Exception") || output.contains("error")) {
                log.println("  profile: jcmd " + command + " failed: " + output.strip());
                return false;
            }
            return true;
        } catch (IOException e) {
            log.println("  profile: cannot run jcmd: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
