package io.strata.tools.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

/** The four Strata jobs and where their shaded jars are built. */
public final class JobCatalog {

    /** Every job in dependency order (a job's inputs are produced by the ones before it). */
    public static final List<String> JOBS =
            List.of("bronze-ingest", "silver-conform", "gold-features", "quality-async");

    private final StackHome home;

    public JobCatalog(StackHome home) {
        this.home = home;
    }

    public Path jar(String job) {
        return home.repo()
                .resolve("jobs")
                .resolve(job)
                .resolve("target")
                .resolve("strata-" + job + "-" + StackHome.version() + ".jar");
    }

    /** The job's main class when its jar is built and runnable ({@code Main-Class} present). */
    public Optional<String> mainClass(String job) {
        Path jar = jar(job);
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String main =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            return Optional.ofNullable(main).filter(m -> !m.isBlank());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The jobs that exist so far: built and runnable. */
    public List<String> runnable() {
        return JOBS.stream().filter(j -> mainClass(j).isPresent()).toList();
    }
}
