package io.strata.tools.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Brings a stack back to a clean state, as {@code ./strata demo} and {@code chaos} start. */
public final class StackReset {

    private StackReset() {}

    /**
     * Stops the stack and deletes its data: topics, schemas, Flink state, the warehouse and
     * Postgres's data directory, and with it cdc-capture's replication slot and publication (`up`
     * then creates the OLTP schema afresh, and the job the slot). Logs and settings stay.
     */
    public static void clean(LocalStack stack, PrintStream out) throws IOException {
        stack.down(out);
        Path home = stack.home().home();
        if (!Files.isDirectory(home)) {
            return;
        }
        for (String dir : List.of("kafka", "registry", "flink", "warehouse", "postgres/data")) {
            deleteTree(home.resolve(dir));
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
