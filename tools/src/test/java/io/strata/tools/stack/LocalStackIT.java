package io.strata.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the real local stack (separate processes, free ports, a temporary state directory), checks
 * each service answers, that the Flink CLI talks to the cluster, and that {@code down} leaves no
 * process behind. Runs after {@code package}, which assembles the jars it launches.
 */
class LocalStackIT {

    private static LocalStack stack;
    private static Path stateDir;

    @BeforeAll
    static void startStack() throws IOException {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        stateDir = Files.createTempDirectory(Path.of("target"), "stack-it-").toAbsolutePath();
        Map<String, String> settings = new HashMap<>();
        settings.put(StackOptions.KAFKA_PORT.key(), Integer.toString(freePort()));
        settings.put(StackOptions.KAFKA_CONTROLLER_PORT.key(), Integer.toString(freePort()));
        settings.put(StackOptions.REGISTRY_PORT.key(), Integer.toString(freePort()));
        settings.put(StackOptions.POSTGRES_PORT.key(), Integer.toString(freePort()));
        settings.put(StackOptions.FLINK_REST_PORT.key(), Integer.toString(freePort()));
        settings.put(StackOptions.FLINK_RPC_PORT.key(), Integer.toString(freePort()));
        settings.put(StackOptions.FLINK_TASKMANAGER_RPC_PORT.key(), Integer.toString(freePort()));
        settings.put(StackOptions.FLINK_TASKMANAGER_MEMORY.key(), "1536m");
        settings.put(StackOptions.FLINK_TASK_SLOTS.key(), "2");
        stack = new LocalStack(new StackHome(repo, stateDir, Configuration.fromMap(settings)));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.down(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
    }

    @Test
    void upStatusFlinkCliAndDown() {
        ByteArrayOutputStream upOutput = new ByteArrayOutputStream();
        boolean up = stack.up(new PrintStream(upOutput, true, StandardCharsets.UTF_8));
        assertThat(up).as(upOutput.toString(StandardCharsets.UTF_8)).isTrue();
        for (Service service : stack.services()) {
            assertThat(service.isReady()).as(service.name()).isTrue();
        }
        assertThat(new JobsConfig(stack.home()).path())
                .content()
                .contains(
                        "bootstrap-servers: localhost:" + stack.home().get(StackOptions.KAFKA_PORT))
                .contains("warehouse: file://" + stateDir + "/warehouse");

        // Starting twice is harmless: every service reports it is already running.
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(stack.up(new PrintStream(again, true, StandardCharsets.UTF_8))).isTrue();
        assertThat(again.toString(StandardCharsets.UTF_8).lines())
                .hasSize(stack.services().size())
                .allMatch(line -> line.contains("already running"));

        ByteArrayOutputStream status = new ByteArrayOutputStream();
        stack.status(new PrintStream(status, true, StandardCharsets.UTF_8));
        assertThat(status.toString(StandardCharsets.UTF_8).lines().skip(1))
                .hasSize(stack.services().size())
                .allMatch(line -> line.matches("\\s+\\S+\\s+up\\s+\\d+\\s+\\d+\\s+.*"));

        assertThat(new FlinkCli(stack.home()).run(List.of("list"))).isZero();
        assertThat(new FlinkRest(stack.home()).jobs()).isEmpty();

        List<ProcessHandle> processes =
                stack.services().stream().map(s -> s.running().orElseThrow()).toList();
        stack.down(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(stack.services()).allMatch(s -> s.running().isEmpty());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
