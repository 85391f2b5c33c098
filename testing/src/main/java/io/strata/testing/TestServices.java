package io.strata.testing;

import io.strata.registry.RegistryConfig;
import io.strata.registry.SchemaRegistryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The services every integration test shares, started lazily once per test JVM and stopped by a
 * shutdown hook: starting a broker per test class would dominate the suite's wall time.
 */
public final class TestServices {

    private static KafkaBroker kafka;
    private static PostgresServer postgres;
    private static SchemaRegistryServer registry;
    private static Path root;
    private static final Deque<AutoCloseable> started = new ArrayDeque<>();

    private TestServices() {}

    /** The shared in-process Kafka broker. */
    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start(dir("kafka"));
            closeOnExit(kafka);
        }
        return kafka;
    }

    /**
     * The shared schema registry on the shared broker (topic {@code _schemas}, free port); pass
     * {@code registry().url()} as {@code schema.registry.url}.
     */
    public static synchronized SchemaRegistryServer registry() {
        if (registry == null) {
            RegistryConfig config =
                    RegistryConfig.builder(kafka().bootstrapServers()).port(0).build();
            registry = SchemaRegistryServer.start(config);
            closeOnExit(registry);
        }
        return registry;
    }

    /** The shared Postgres with logical replication. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(dir("postgres"));
            closeOnExit(postgres);
        }
        return postgres;
    }

    /** A fresh directory for this JVM's services and tests, under the build's temp directory. */
    public static synchronized Path dir(String name) {
        try {
            if (root == null) {
                root = Files.createTempDirectory("strata-test-");
            }
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeOnExit(AutoCloseable service) {
        if (started.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestServices::closeAll));
        }
        started.push(service);
    }

    // One hook, newest service first: JVM hooks run concurrently, and the registry must not
    // outlive the broker it reads from.
    private static synchronized void closeAll() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                // The JVM is exiting; nothing useful to do with it.
            }
        }
    }
}
