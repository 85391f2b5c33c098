package io.strata.common.iceberg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file://}, checksum files and all) without a process per file.
 * Hadoop sets each new file's permissions by running {@code chmod} unless its native library is
 * loaded, which it never is here (Maven Central has none): one fork of the TaskManager per data,
 * delete, manifest and metadata file of every Iceberg table on a local warehouse, and one more per
 * checksum file. A gold-features run of 300,000 events forked 10,515 times, on the writers' and
 * committers' threads during checkpoints. This sets the same permissions through {@code
 * java.nio.file} instead; a permission it cannot express (sticky bit, a file system without POSIX
 * attributes) still goes to Hadoop's way.
 *
 * <p>Iceberg's Hadoop file IO uses it for {@code file://} when the catalog's Hadoop configuration
 * names it as {@code fs.file.impl} ({@link PropertiesCatalogLoader#hadoopConfiguration()}).
 */
public class ForklessLocalFileSystem extends LocalFileSystem {

    public ForklessLocalFileSystem() {
        super(new Raw());
    }

    /** The raw file system beneath the checksums: Hadoop's, with permissions set in process. */
    static final class Raw extends RawLocalFileSystem {

        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            Set<PosixFilePermission> posix = posix(permission);
            if (posix == null) {
                super.setPermission(p, permission);
                return;
            }
            try {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), posix);
            } catch (UnsupportedOperationException e) {
                super.setPermission(p, permission);
            }
        }
    }

    /** {@code permission} as POSIX permissions; null when it has bits beyond them (sticky). */
    static Set<PosixFilePermission> posix(FsPermission permission) {
        // Without the sticky bit, FsPermission prints as POSIX does: rwxr-x---.
        return (permission.toShort() & ~0777) != 0
                ? null
                : PosixFilePermissions.fromString(permission.toString());
    }
}
