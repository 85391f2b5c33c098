package io.strata.tools.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The jar each job runs on the local cluster, kept as a copy in the stack's state directory ({@code
 * jobs/<job>.jar}): a rebuild overwrites a module's jar in place, and an upgrade that is refused
 * must restart the code that ran before it, not the new build. A job without a copy (submitted by
 * hand) runs its module's jar.
 */
public final class DeployedJars {

    private final StackHome home;
    private final JobCatalog catalog;

    public DeployedJars(StackHome home) {
        this.home = home;
        this.catalog = new JobCatalog(home);
    }

    /** The jar the job runs: its copy, else its module's jar. */
    public Path current(JobCatalog.Job job) {
        Path copy = copyOf(job);
        return Files.isRegularFile(copy) ? copy : catalog.jar(job.module());
    }

    /** Keeps a copy of {@code jar} as the one the job runs now; returns the copy. */
    public Path record(JobCatalog.Job job, Path jar) {
        Path copy = copyOf(job);
        if (jar.toAbsolutePath().normalize().equals(copy.toAbsolutePath().normalize())) {
            return copy;
        }
        try {
            Path next = copy.resolveSibling(copy.getFileName() + ".next");
            Files.copy(jar, next, StandardCopyOption.REPLACE_EXISTING);
            Files.move(next, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep a copy of " + jar, e);
        }
    }

    private Path copyOf(JobCatalog.Job job) {
        return home.dataDir("jobs").resolve(job.name() + ".jar");
    }
}
