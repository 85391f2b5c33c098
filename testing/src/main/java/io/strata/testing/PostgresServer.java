package io.strata.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** A real Postgres (Maven-shipped binaries) with logical replication enabled, for the CDC path. */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts Postgres with {@code wal_level=logical} on a free port, data under {@code dir}. */
    public static PostgresServer start(Path dir) {
        try {
            EmbeddedPostgres pg =
                    EmbeddedPostgres.builder()
                            .setOverrideWorkingDirectory(dir.resolve("pg-work").toFile())
                            .setDataDirectory(dir.resolve("pg-data"))
                            .setCleanDataDirectory(true)
                            .setServerConfig("wal_level", "logical")
                            .setServerConfig("max_replication_slots", "10")
                            .setServerConfig("max_wal_senders", "10")
                            .setServerConfig("fsync", "off")
                            .start();
            return new PostgresServer(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Postgres", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of {@code database} for user {@code postgres} (trust authentication). */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** Runs a batch of SQL statements separated by semicolons on the {@code postgres} database. */
    public void execute(String sql) {
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
