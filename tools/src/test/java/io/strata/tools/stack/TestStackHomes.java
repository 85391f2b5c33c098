package io.strata.tools.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Stack homes for tests outside this package: the repository's build, a state directory of the
 * test's own and free ports for every service, so a test stack never meets the user's. The settings
 * are also written to the state directory's {@code stack.properties}, where a {@code ./strata}
 * process with {@code STRATA_HOME} set to it finds them.
 */
public final class TestStackHomes {

    private static final List<ConfigOption<Integer>> PORTS =
            List.of(
                    StackOptions.KAFKA_PORT,
                    StackOptions.KAFKA_CONTROLLER_PORT,
                    StackOptions.REGISTRY_PORT,
                    StackOptions.POSTGRES_PORT,
                    StackOptions.FLINK_REST_PORT,
                    StackOptions.FLINK_RPC_PORT,
                    StackOptions.FLINK_TASKMANAGER_RPC_PORT,
                    StackOptions.FLINK_JOBMANAGER_METRICS_PORT,
                    StackOptions.FLINK_TASKMANAGER_METRICS_PORT);

    private TestStackHomes() {}

    /** A home in {@code stateDir} with free ports and {@code settings} over the defaults. */
    public static StackHome withFreePorts(Path stateDir, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>();
        PORTS.forEach(port -> all.put(port.key(), Integer.toString(freePort())));
        all.putAll(settings);
        writeProperties(stateDir, all);
        return new StackHome(
                Path.of("..").toAbsolutePath().normalize(), stateDir, Configuration.fromMap(all));
    }

    private static void writeProperties(Path stateDir, Map<String, String> settings) {
        Properties file = new Properties();
        file.putAll(settings);
        try (OutputStream out =
                Files.newOutputStream(
                        Files.createDirectories(stateDir).resolve("stack.properties"))) {
            file.store(out, "TestStackHomes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
