package io.strata.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository, from this module's directory (where Maven runs its tests). */
final class Repo {

    static final Path ROOT = root();

    private Repo() {}

    static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("flink-conf/strata-local.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Not inside the Strata repository");
        }
        return dir;
    }
}
