package io.strata.tools.chaos;

import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.FlinkRest.Checkpoint;
import io.strata.tools.stack.FlinkService;
import io.strata.tools.stack.KafkaService;
import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.PostgresService;
import io.strata.tools.stack.RegistryService;
import io.strata.tools.stack.ReplicationSlots;
import io.strata.tools.stack.Service;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Causes each {@link FaultKind} on the local stack, only ever touching the stack's own processes
 * (by their PID files) and files, and returns once the cause is removed again (the service is back,
 * the planted file gone); the jobs' recovery is {@link RecoveryWatch}'s to measure.
 */
final class FaultInjector {

    /** How long a stopped service stays down: long enough for clients to notice and retry. */
    static final Duration DOWNTIME = Duration.ofSeconds(5);

    /** The job whose checkpoint {@link FaultKind#CHECKPOINT_FAILURE} makes fail. */
    static final String CHECKPOINT_JOB = "bronze-ingest";

    private static final Duration CHECKPOINT_FAILURE_TIMEOUT = Duration.ofSeconds(90);

    /** One injected fault: what was done, when it started, when its cause was removed. */
    record Injection(FaultKind kind, String detail, Instant injected, Instant cleared) {}

    private final LocalStack stack;
    private final FlinkRest flink;
    private final String cdcSlot;
    private final PrintStream out;

    FaultInjector(LocalStack stack, FlinkRest flink, String cdcSlot, PrintStream out) {
        this.stack = stack;
        this.flink = flink;
        this.cdcSlot = cdcSlot;
        this.out = out;
    }

    Injection inject(FaultKind kind, ChaosJobs jobs) {
        Instant injected = Instant.now();
        String detail =
                switch (kind) {
                    case TASK_FAILURE -> endReplicationConnection();
                    case TASKMANAGER_KILL -> killTaskManager();
                    case KAFKA_RESTART -> restart(KafkaService.NAME);
                    case POSTGRES_RESTART -> restart(PostgresService.NAME);
                    case REGISTRY_RESTART -> restart(RegistryService.NAME);
                    case CHECKPOINT_FAILURE -> failCheckpoint(jobs.id(CHECKPOINT_JOB));
                };
        return new Injection(kind, detail, injected, Instant.now());
    }

    private String endReplicationConnection() {
        ReplicationSlots slots = new ReplicationSlots(stack.postgres());
        // After an earlier fault cdc-capture may still be reconnecting: wait until it streams.
        slots.awaitActive(cdcSlot, Duration.ofSeconds(120));
        try {
            Optional<Integer> pid = slots.terminateReader(cdcSlot);
            return pid.map(
                            p ->
                                    "pg_terminate_backend("
                                            + p
                                            + "): walsender of slot "
                                            + cdcSlot
                                            + " (cdc-capture's source task)")
                    .orElseThrow(() -> new IllegalStateException("No reader on slot " + cdcSlot));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end the replication connection", e);
        }
    }

    private String killTaskManager() {
        Service tm = service(FlinkService.TASKMANAGER);
        ProcessHandle process =
                tm.running()
                        .orElseThrow(
                                () -> new IllegalStateException("The TaskManager is not running"));
        long pid = process.pid();
        signalKill(pid);
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("TaskManager " + pid + " survived kill -9", e);
        }
        start(tm);
        return "kill -9 "
                + pid
                + ", new TaskManager pid "
                + tm.running().map(p -> Long.toString(p.pid())).orElse("?");
    }

    private static void signalKill(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -9 " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String restart(String name) {
        Service service = service(name);
        long pid = service.running().map(ProcessHandle::pid).orElse(-1L);
        if (!service.stop()) {
            throw new IllegalStateException(name + " was not running");
        }
        sleep(DOWNTIME);
        start(service);
        return "stopped "
                + name
                + " (pid "
                + pid
                + "), down "
                + DOWNTIME.toSeconds()
                + " s, started again (pid "
                + service.running().map(ProcessHandle::pid).orElse(-1L)
                + ")";
    }

    /**
     * Plants plain files named like bronze-ingest's next checkpoint directories ({@code chk-<id>}):
     * Flink cannot create the directory or write the checkpoint's metadata into it, so the
     * checkpoint fails with an I/O error. The files are removed once the REST API reports one of
     * those checkpoints FAILED; the job's completed checkpoints are never touched.
     */
    private String failCheckpoint(String jobId) {
        Path jobDir = stack.home().home().resolve("flink/checkpoints").resolve(jobId);
        long next = flink.checkpoints(jobId).highestId() + 1;
        List<Path> planted = new ArrayList<>();
        try {
            for (long id = next; id < next + 3; id++) {
                Path file = jobDir.resolve("chk-" + id);
                if (!Files.exists(file)) {
                    Files.writeString(file, "planted by ./strata chaos: checkpoint must fail\n");
                    planted.add(file);
                }
            }
            Optional<Checkpoint> failed = awaitFailedCheckpoint(jobId, next);
            return failed.map(
                            c ->
                                    "checkpoint "
                                            + c.id()
                                            + " of "
                                            + CHECKPOINT_JOB
                                            + " FAILED (file planted at "
                                            + jobDir.relativize(jobDir.resolve("chk-" + c.id()))
                                            + ")")
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "No checkpoint of "
                                                    + CHECKPOINT_JOB
                                                    + " failed within "
                                                    + CHECKPOINT_FAILURE_TIMEOUT.toSeconds()
                                                    + " s"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (Path file : planted) {
                deletePlanted(file);
            }
        }
    }

    private Optional<Checkpoint> awaitFailedCheckpoint(String jobId, long from) {
        long deadline = System.nanoTime() + CHECKPOINT_FAILURE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Checkpoint> failed =
                    flink.checkpoints(jobId).history().stream()
                            .filter(c -> c.id() >= from && c.status().equals("FAILED"))
                            .findFirst();
            if (failed.isPresent()) {
                return failed;
            }
            sleep(Duration.ofMillis(500));
        }
        return Optional.empty();
    }

    /** Deletes a planted file, never a directory Flink may have made in its place. */
    private static void deletePlanted(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove planted " + file, e);
        }
    }

    private void start(Service service) {
        if (!stack.up(out, List.of(service))) {
            throw new IllegalStateException(service.name() + " did not start again");
        }
    }

    private Service service(String name) {
        return stack.service(name)
                .orElseThrow(() -> new IllegalStateException("No service " + name));
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
