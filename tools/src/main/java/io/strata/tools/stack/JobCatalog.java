package io.strata.tools.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

/** The Strata jobs, the shaded jars they are built into, and how {@code flink run} starts each. */
public final class JobCatalog {

    /**
     * A job as it runs on the cluster.
     *
     * @param name the job's name on the cluster
     * @param module the module under {@code jobs/} whose shaded jar holds it
     * @param entryClass the class {@code flink run -c} starts, for a job that is not its jar's
     *     {@code Main-Class}; empty for the one that is
     */
    public record Job(String name, String module, Optional<String> entryClass) {}

    /** Every job in dependency order (a job's inputs are produced by the ones before it). */
    public static final List<Job> JOBS =
            List.of(
                    new Job(
                            "cdc-capture",
                            "bronze-ingest",
                            Optional.of("io.strata.bronze.cdc.CdcCaptureJob")),
                    new Job("bronze-ingest", "bronze-ingest", Optional.empty()),
                    new Job("silver-conform", "silver-conform", Optional.empty()),
                    new Job("gold-features", "gold-features", Optional.empty()),
                    new Job("quality-async", "quality-async", Optional.empty()));

    private final StackHome home;

    public JobCatalog(StackHome home) {
        this.home = home;
    }

    /** The shaded jar of a module under {@code jobs/}. */
    public Path jar(String module) {
        return home.repo()
                .resolve("jobs")
                .resolve(module)
                .resolve("target")
                .resolve("strata-" + module + "-" + StackHome.version() + ".jar");
    }

    public static Job job(String name) {
        return JOBS.stream()
                .filter(j -> j.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown job " + name));
    }

    /**
     * The class that starts the job when its jar is built and can run it: the entry class when the
     * jar holds it, else the jar's {@code Main-Class}.
     */
    public Optional<String> mainClass(String name) {
        Job job = job(name);
        Path jar = jar(job.module());
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            if (job.entryClass().isPresent()) {
                String entry = job.entryClass().get();
                return file.getEntry(entry.replace('.', '/') + ".class") != null
                        ? job.entryClass()
                        : Optional.empty();
            }
            var manifest = file.getManifest();
            String main =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            return Optional.ofNullable(main).filter(m -> !m.isBlank());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The jobs that exist so far: built and runnable. */
    public List<Job> runnable() {
        return JOBS.stream().filter(j -> mainClass(j.name()).isPresent()).toList();
    }

    /**
     * The Flink CLI arguments that submit the job detached with the jobs' configuration file, and
     * {@code extra} job arguments after it (they win over the file).
     */
    public List<String> runArguments(Job job, Path config, List<String> extra) {
        return runArguments(job, jar(job.module()), config, extra);
    }

    /** {@link #runArguments(Job, Path, List)} with another jar than the module's. */
    public static List<String> runArguments(Job job, Path jar, Path config, List<String> extra) {
        return arguments(List.of("run", "-d"), job, jar, config, extra);
    }

    /**
     * The Flink CLI arguments that submit the job detached from a savepoint, refusing to start when
     * the savepoint holds state that no operator of the jar claims ({@code
     * execution.savepoint.ignore-unclaimed-state=false}, whatever the cluster's default).
     */
    public static List<String> restoreArguments(
            Job job, Path jar, String savepoint, Path config, List<String> extra) {
        return arguments(
                List.of(
                        "run",
                        "-d",
                        "-s",
                        savepoint,
                        "-D",
                        "execution.savepoint.ignore-unclaimed-state=false"),
                job,
                jar,
                config,
                extra);
    }

    private static List<String> arguments(
            List<String> run, Job job, Path jar, Path config, List<String> extra) {
        List<String> args = new ArrayList<>(run);
        job.entryClass().ifPresent(c -> args.addAll(List.of("-c", c)));
        args.addAll(List.of(jar.toString(), "--config", config.toString()));
        args.addAll(extra);
        return args;
    }
}
