package io.strata.tools.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * A copy of a job jar whose {@code Main-Class} is {@link RenamedDedupeUidJob}: a new jar that
 * cannot restore the old one's savepoint. The zip file system copies the jar's entries as they are,
 * so this takes a moment even for a shaded jar of 130 MB.
 */
final class IncompatibleJar {

    private IncompatibleJar() {}

    static Path renamedDedupeUid(Path jobJar, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(jobJar, target, StandardCopyOption.REPLACE_EXISTING);
            try (FileSystem jar =
                    FileSystems.newFileSystem(URI.create("jar:" + target.toUri()), Map.of())) {
                String entry = RenamedDedupeUidJob.class.getName().replace('.', '/') + ".class";
                try (InputStream in =
                        RenamedDedupeUidJob.class.getClassLoader().getResourceAsStream(entry)) {
                    Path path = jar.getPath(entry);
                    Files.createDirectories(path.getParent());
                    Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                }
                Path manifestPath = jar.getPath("META-INF/MANIFEST.MF");
                Manifest manifest;
                try (InputStream in = Files.newInputStream(manifestPath)) {
                    manifest = new Manifest(in);
                }
                manifest.getMainAttributes()
                        .put(Attributes.Name.MAIN_CLASS, RenamedDedupeUidJob.class.getName());
                try (OutputStream out = Files.newOutputStream(manifestPath)) {
                    manifest.write(out);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
