package io.strata.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The services every integration test shares, started lazily once per test JVM and stopped by a
 * shutdown hook: starting a broker per test class would dominate the suite's wall time.
 */
public final class TestServices {

    private static KafkaBroker kafka;
    private static PostgresServer postgres;
    private static Path root;

    private TestServices() {}

    /** The shared in-process Kafka broker. */
    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start(dir("kafka"));
            closeOnExit(kafka);
        }
        return kafka;
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
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        service.close();
                                    } catch (Exception e) {
                                        // The JVM is exiting; nothing useful to do with it.
                                    }
                                }));
    }
}
