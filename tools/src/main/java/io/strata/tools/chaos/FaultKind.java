package io.strata.tools.chaos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The faults {@code ./strata chaos} injects, each by a real cause outside the jobs' code. */
public enum FaultKind {
    /**
     * One task throws: cdc-capture's source task, whose replication connection Postgres ends
     * ({@code pg_terminate_backend} of the slot's walsender, as an administrator or a network drop
     * would). Postgres stays up; only that task fails.
     */
    TASK_FAILURE("task-failure"),
    /** {@code kill -9} of the TaskManager by its PID file, then the stack starts a new one. */
    TASKMANAGER_KILL("taskmanager-kill"),
    /** The stack's Kafka broker stopped (SIGTERM), kept down a few seconds, started again. */
    KAFKA_RESTART("kafka-restart"),
    /** The stack's Postgres stopped (fast shutdown) while cdc-capture streams, then started. */
    POSTGRES_RESTART("postgres-restart"),
    /** The stack's schema registry stopped, kept down a few seconds, started again. */
    REGISTRY_RESTART("registry-restart"),
    /**
     * A checkpoint of bronze-ingest fails on a real I/O error: a plain file is planted where its
     * next checkpoint directories go, so the checkpoint cannot be written; removed once Flink
     * reports the checkpoint FAILED.
     */
    CHECKPOINT_FAILURE("checkpoint-failure");

    private final String cliName;

    FaultKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /**
     * Parses {@code all} or a comma-separated list of {@link #cliName()}s, in the given order.
     *
     * @throws IllegalArgumentException naming the unknown kind and the known ones
     */
    public static List<FaultKind> parseList(String text) {
        if (text.trim().equalsIgnoreCase("all")) {
            return List.of(values());
        }
        List<FaultKind> kinds = new ArrayList<>();
        for (String part : text.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            kinds.add(
                    Arrays.stream(values())
                            .filter(k -> k.cliName.equals(name))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "Unknown fault '"
                                                            + part.trim()
                                                            + "'; known: all, "
                                                            + String.join(", ", names()))));
        }
        return kinds;
    }

    static List<String> names() {
        return Arrays.stream(values()).map(FaultKind::cliName).toList();
    }

    @Override
    public String toString() {
        return cliName;
    }
}
