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
 * A job module's v2 job jar ({@code jobs/<module>/src/test/upgrade-v2}, see {@link JobV2}): the
 * module compiled again with v2's files against v1's job jar and the cluster's {@code lib/}, its
 * classes written over a copy of v1's jar.
 */
public final class JobV2Jar {

    private JobV2Jar() {}

    /** Builds {@code module}'s v2 jar in {@code workDir}; returns its path. */
    public static Path build(StackHome home, String module, Path workDir) {
        long building = System.nanoTime();
        Path v1 = new JobCatalog(home).jar(module);
        List<Path> classpath = new ArrayList<>(List.of(v1));
        classpath.addAll(jars(home.flinkLib()));
        Path jar =
                JobV2.compile(
                                home.repo().resolve("jobs").resolve(module),
                                classpath,
                                workDir.resolve(module + "-v2"))
                        .jar(v1, workDir.resolve(module + "-v2.jar"));
        System.out.printf(
                "%s v2 jar built in %.1f s%n", module, (System.nanoTime() - building) / 1e9);
        return jar;
    }

    private static List<Path> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
