package io.strata.tools.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A service process started detached from the CLI (its own session, so closing the terminal or
 * Ctrl-C in {@code ./strata up} does not kill it), tracked by a PID file. A PID is only trusted
 * when the live process's command line still carries the service's marker, so a recycled PID is
 * never signalled.
 */
public final class ManagedProcess {

    private final String name;
    private final Path pidFile;
    private final Path logFile;
    private final String marker;

    public ManagedProcess(String name, Path pidFile, Path logFile, String marker) {
        this.name = name;
        this.pidFile = pidFile;
        this.logFile = logFile;
        this.marker = marker;
    }

    /** Starts {@code command} in a new session with output appended to the log file. */
    public long start(List<String> command, Path workDir, Map<String, String> env) {
        List<String> detached = new ArrayList<>();
        detached.add("setsid");
        detached.addAll(command);
        ProcessBuilder builder =
                new ProcessBuilder(detached)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        try {
            Files.writeString(
                    logFile,
                    "---- strata: starting " + name + ": " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            long pid = builder.start().pid();
            Files.writeString(pidFile, Long.toString(pid));
            return pid;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** The running process of this service, if its PID file names one that is still ours. */
    public Optional<ProcessHandle> running() {
        return readPid()
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(this::isOurs);
    }

    private boolean isOurs(ProcessHandle handle) {
        Optional<String> cmd = commandLine(handle.pid());
        return cmd.map(c -> c.contains(marker)).orElse(false);
    }

    /** The full command line from /proc (ProcessHandle.Info truncates it on Linux). */
    static Optional<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<Long> readPid() {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the process with {@code signal} (TERM or INT), escalating to KILL after {@code grace}.
     * Returns false when nothing of ours was running.
     */
    public boolean stop(String signal, Duration grace) {
        Optional<ProcessHandle> handle = running();
        if (handle.isEmpty()) {
            deletePidFile();
            return false;
        }
        ProcessHandle process = handle.get();
        signal(process.pid(), signal);
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeoutOrInterrupt) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        deletePidFile();
        return true;
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }
}
