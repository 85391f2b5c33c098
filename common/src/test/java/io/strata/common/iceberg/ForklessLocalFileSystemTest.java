package io.strata.common.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogs' local file system: Hadoop's permissions and checksums, set without a process. */
class ForklessLocalFileSystemTest {

    @TempDir java.nio.file.Path dir;

    @Test
    void theCatalogsHadoopConfigurationServesFileUrisWithIt() throws Exception {
        Path file = new Path(dir.toUri().toString(), "data.parquet");
        FileSystem fs = file.getFileSystem(PropertiesCatalogLoader.hadoopConfiguration());

        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(new byte[] {1, 2, 3});
        }

        assertThat(fs).isInstanceOf(ForklessLocalFileSystem.class);
        java.nio.file.Path written = dir.resolve("data.parquet");
        assertThat(Files.readAllBytes(written)).containsExactly(1, 2, 3);
        assertThat(dir.resolve(".data.parquet.crc")).as("Hadoop's checksum file").exists();
        // Hadoop's default for a new file, 0666 less the default umask 022.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void writesFilesWithoutStartingAProcessWhereHadoopsOwnStartsOnePerFile() throws Exception {
        List<RecordedEvent> forkless =
                processesStartedWriting(PropertiesCatalogLoader.hadoopConfiguration(), "a");
        List<RecordedEvent> hadoops = processesStartedWriting(new Configuration(), "b");

        assertThat(forkless).isEmpty();
        assertThat(hadoops)
                .as("Hadoop's local file system runs chmod (this test's control)")
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getString("command")).startsWith("chmod"));
    }

    /**
     * The processes started (JFR jdk.ProcessStart) while writing three files through {@code conf}.
     */
    private List<RecordedEvent> processesStartedWriting(Configuration conf, String name)
            throws Exception {
        conf.setBoolean("fs.file.impl.disable.cache", true);
        java.nio.file.Path jfr = dir.resolve(name + ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ProcessStart");
            recording.start();
            Path sub = new Path(dir.toUri().toString(), name);
            FileSystem fs = sub.getFileSystem(conf);
            for (int i = 0; i < 3; i++) {
                try (FSDataOutputStream out = fs.create(new Path(sub, "f" + i), false)) {
                    out.write(i);
                }
            }
            recording.stop();
            recording.dump(jfr);
        }
        return RecordingFile.readAllEvents(jfr);
    }

    @Test
    void setsAnyPermissionHadoopSetsAndLeavesOtherBitsToHadoop() throws Exception {
        ForklessLocalFileSystem.Raw raw = new ForklessLocalFileSystem.Raw();
        raw.initialize(dir.toUri(), PropertiesCatalogLoader.hadoopConfiguration());
        java.nio.file.Path file = Files.createFile(dir.resolve("f"));

        raw.setPermission(new Path(file.toUri()), new FsPermission((short) 0640));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r-----");
        raw.setPermission(new Path(file.toUri()), new FsPermission((short) 0751));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rwxr-x--x");

        assertThat(ForklessLocalFileSystem.posix(new FsPermission((short) 01777))).isNull();
    }
}
