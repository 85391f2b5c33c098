package io.strata.testing.upgrade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** A copy of a jar with the class files of a directory written over its entries. */
final class JarOverlay {

    private JarOverlay() {}

    static Path write(Path jar, Path classes, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            try (FileSystem copy =
                    FileSystems.newFileSystem(
                            URI.create("jar:" + target.toAbsolutePath().toUri()), Map.of())) {
                for (Path file : Sources.under(classes, ".class")) {
                    Path entry = copy.getPath(classes.relativize(file).toString());
                    if (entry.getParent() != null) {
                        Files.createDirectories(entry.getParent());
                    }
                    Files.copy(file, entry, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
