package io.strata.tools.upgrade;

import io.strata.testing.upgrade.JobV2;
import io.strata.tools.stack.JobCatalog;
import io.strata.tools.stack.StackHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * bronze-ingest's v2 job jar ({@code jobs/bronze-ingest/src/test/upgrade-v2}: dedupe's {@code
 * SeenEvent} gains the accepted copy's checksum, {@code BronzeEvent} the column {@code
 * first_checksum} filled from it): the module compiled again with v2's files against v1's job jar
 * and the cluster's {@code lib/}, its classes written over a copy of v1's jar.
 */
final class BronzeV2 {

    static final String COLUMN = "first_checksum";

    private BronzeV2() {}

    static Path jar(StackHome home, Path workDir) {
        Path v1 = new JobCatalog(home).jar("bronze-ingest");
        List<Path> classpath = new ArrayList<>(List.of(v1));
        classpath.addAll(jars(home.flinkLib()));
        return JobV2.compile(
                        home.repo().resolve("jobs/bronze-ingest"),
                        classpath,
                        workDir.resolve("bronze-ingest-v2"))
                .jar(v1, workDir.resolve("bronze-ingest-v2.jar"));
    }

    private static List<Path> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
