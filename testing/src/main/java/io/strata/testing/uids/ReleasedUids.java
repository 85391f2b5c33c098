package io.strata.testing.uids;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The uids a job has released, one per line in {@code uids/<job>.txt} of its module, checked
 * against the job's graph. A uid names its operator's state in every savepoint: a uid that
 * disappears (renamed or removed) leaves that state behind, and {@code ./strata upgrade} refuses
 * the new jar. So the list changes only on purpose: {@code -Dstrata.uids.update=true} rewrites it.
 */
public final class ReleasedUids {

    /** System property that makes {@link #assertReleased} rewrite the list instead of failing. */
    public static final String UPDATE_PROPERTY = "strata.uids.update";

    private static final String HEADER =
            """
            # The operator uids of %s as released: each names its operator's state in savepoints.
            # Checked by the module's uid test; never rename a released uid. A deliberate change:
            # rerun that test with -D%s=true and commit this file with the change.
            """;

    private final String job;
    private final Path file;
    private final boolean update;

    ReleasedUids(String job, Path file, boolean update) {
        this.job = job;
        this.file = file;
        this.update = update;
    }

    /**
     * The list of {@code job} in the current module ({@code uids/<job>.txt}), rewritten instead of
     * checked when {@value #UPDATE_PROPERTY} is true.
     */
    public static ReleasedUids of(String job) {
        return new ReleasedUids(
                job, Path.of("uids", job + ".txt"), Boolean.getBoolean(UPDATE_PROPERTY));
    }

    /** The graph's uids are exactly the released ones; rewrites the list in update mode. */
    public void assertReleased(OperatorUids graph) {
        SortedSet<String> released = read();
        if (released.equals(graph.uids())) {
            return;
        }
        if (update) {
            write(graph.uids());
            return;
        }
        throw new AssertionError(difference(released, graph.uids()) + howToUpdate());
    }

    /**
     * The graph's uids are all released ones: for the graph of a configuration that leaves parts
     * out (an output switched off), which must not invent uids of its own.
     */
    public void assertWithinReleased(OperatorUids graph) {
        if (update) {
            return; // the list is being rewritten from the default configuration's graph
        }
        SortedSet<String> unreleased = new TreeSet<>(graph.uids());
        unreleased.removeAll(read());
        if (!unreleased.isEmpty()) {
            throw new AssertionError(
                    "Operators of "
                            + job
                            + " in this configuration have uids the released list "
                            + file.toAbsolutePath()
                            + " lacks:\n  + "
                            + String.join("\n  + ", unreleased)
                            + "\nEvery configuration's operators must be in the list of the"
                            + " default one.");
        }
    }

    private String difference(SortedSet<String> released, SortedSet<String> current) {
        List<String> gone = new ArrayList<>(released);
        gone.removeAll(current);
        List<String> added = new ArrayList<>(current);
        added.removeAll(released);
        StringBuilder text =
                new StringBuilder("The operator uids of ")
                        .append(job)
                        .append(" differ from the released list ")
                        .append(file.toAbsolutePath())
                        .append(".\n");
        if (!gone.isEmpty()) {
            text.append("Released but no longer in the graph (their state in savepoints would be")
                    .append(" left behind, so ./strata upgrade refuses the new jar):\n  - ")
                    .append(String.join("\n  - ", gone))
                    .append('\n');
        }
        if (!added.isEmpty()) {
            text.append("In the graph but not released yet:\n  + ")
                    .append(String.join("\n  + ", added))
                    .append('\n');
        }
        return text.toString();
    }

    private String howToUpdate() {
        return "Never rename a released uid: restore the old one with .uid(...). If the change is"
                + " deliberate (a new operator, or one removed together with its state), rerun"
                + " this test with -D"
                + UPDATE_PROPERTY
                + "=true and commit "
                + file
                + " with the change.";
    }

    private SortedSet<String> read() {
        try {
            SortedSet<String> uids = new TreeSet<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    uids.add(line.strip());
                }
            }
            return uids;
        } catch (java.nio.file.NoSuchFileException e) {
            return new TreeSet<>();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(SortedSet<String> uids) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(
                    file, HEADER.formatted(job, UPDATE_PROPERTY) + String.join("\n", uids) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
