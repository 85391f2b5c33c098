package io.strata.bronze.cdc;

import io.strata.testing.PostgresServer;
import io.strata.workload.oltp.OltpChange;
import io.strata.workload.oltp.PostgresOltpApplier;
import io.strata.workload.progress.ProgressListener;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A database of its own on the shared test Postgres, with the OLTP schema, for one CDC test; and
 * the slot hygiene a CDC test owes: replication slots outlive a cancelled job and pin WAL, and a
 * database with a slot cannot be dropped.
 */
final class CdcDatabase implements AutoCloseable {

    private final PostgresServer postgres;
    private final String name;
    private final Connection connection;

    private CdcDatabase(PostgresServer postgres, String name) throws SQLException {
        this.postgres = postgres;
        this.name = name;
        this.connection = DriverManager.getConnection(postgres.jdbcUrl(name));
    }

    /** Creates database {@code name} with the platform schema and the given rows. */
    static CdcDatabase create(PostgresServer postgres, String name, List<OltpChange> seed)
            throws SQLException {
        postgres.execute("CREATE DATABASE " + name);
        try (PostgresOltpApplier applier =
                PostgresOltpApplier.connect(postgres.jdbcUrl(name), null, null)) {
            applier.createSchema();
            applier.apply(seed.iterator(), seed.size(), 500, 0, ProgressListener.NONE, "seed");
        }
        return new CdcDatabase(postgres, name);
    }

    String jdbcUrl() {
        return postgres.jdbcUrl(name);
    }

    /** Replication slots and this database's sessions, for a failure message. */
    String diagnostics() {
        try {
            return rows(
                            "SELECT slot_name, active, active_pid, confirmed_flush_lsn"
                                    + " FROM pg_replication_slots")
                    + rows(
                            "SELECT pid, backend_type, state, wait_event, left(query, 120)"
                                    + " FROM pg_stat_activity WHERE datname = '"
                                    + name
                                    + "'");
        } catch (SQLException e) {
            return "(diagnostics failed: " + e + ")";
        }
    }

    private String rows(String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    out.append(i == 1 ? "" : " | ").append(rs.getString(i));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Runs one statement in its own transaction. */
    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** The WAL insert position now, as Debezium writes LSNs (a byte position). */
    long currentLsn() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT (pg_current_wal_insert_lsn() - '0/0')::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until nothing reads {@code slot} (a stopped job's walsender lingers a moment). */
    boolean awaitInactive(String slot, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Statement s = connection.createStatement();
                    ResultSet rs =
                            s.executeQuery(
                                    "SELECT active FROM pg_replication_slots WHERE slot_name = '"
                                            + slot
                                            + "'")) {
                if (rs.next() && !rs.getBoolean(1)) {
                    return true;
                }
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Names of the replication slots whose name starts with {@code prefix}. */
    List<String> slots(String prefix) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE '"
                                        + prefix
                                        + "%' ORDER BY slot_name")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    /**
     * Drops the slots starting with {@code slotPrefix} (ending their walsenders, which linger a
     * moment after a cancel), the publication, and the database.
     */
    void dropAll(String slotPrefix, String publication) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String mine = " slot_name LIKE '" + slotPrefix + "%'";
        while (!slots(slotPrefix).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Slots still there: " + slots(slotPrefix));
            }
            execute(
                    "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots"
                            + " WHERE active AND"
                            + mine);
            Thread.sleep(200);
            try {
                execute(
                        "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                                + " WHERE NOT active AND"
                                + mine);
            } catch (SQLException e) {
                // It became active again in between (a walsender still shutting down): retry.
            }
        }
        execute("DROP PUBLICATION IF EXISTS " + publication);
        connection.close();
        postgres.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
