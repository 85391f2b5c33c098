package io.strata.tools.stack;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The replication slots of the stack's Postgres, such as cdc-capture's: whether a reader streams
 * from each, and how much WAL it has not confirmed yet (which the slot keeps on disk). One query of
 * {@code pg_replication_slots}, cheap enough for {@code status}.
 */
public final class ReplicationSlots {

    /**
     * One slot.
     *
     * @param lagBytes WAL written since the position the reader last confirmed; empty before it
     *     confirmed any
     */
    public record Slot(String name, String database, boolean active, Optional<Long> lagBytes) {}

    private final PostgresService postgres;

    public ReplicationSlots(PostgresService postgres) {
        this.postgres = postgres;
    }

    /** Every slot; empty when Postgres does not answer. */
    public List<Slot> list() {
        List<Slot> slots = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT slot_name, database, active,"
                                        + " pg_wal_lsn_diff(pg_current_wal_lsn(),"
                                        + " confirmed_flush_lsn)::bigint"
                                        + " FROM pg_replication_slots ORDER BY slot_name")) {
            while (rs.next()) {
                long lag = rs.getLong(4);
                slots.add(
                        new Slot(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getBoolean(3),
                                rs.wasNull() ? Optional.empty() : Optional.of(lag)));
            }
        } catch (SQLException e) {
            return List.of();
        }
        return slots;
    }

    /** Whether the slot exists and a reader streams from it. */
    public boolean active(String name) {
        return list().stream().anyMatch(s -> s.name().equals(name) && s.active());
    }

    /**
     * Waits until a reader streams from the slot, e.g. until cdc-capture has finished its snapshot
     * and every later OLTP change reaches Bronze as an event of its own.
     *
     * @throws IllegalStateException when none does within {@code timeout}
     */
    public void awaitActive(String name, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!active(name)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Nothing streams from replication slot "
                                + name
                                + " after "
                                + timeout.toSeconds()
                                + " s");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Ends the server process (walsender) that streams the slot to its reader, as an
     * administrator's {@code pg_terminate_backend} or a dropped connection would; Postgres itself
     * stays up.
     *
     * @return the terminated process's id, empty when no reader was streaming
     */
    public Optional<Integer> terminateReader(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
                var s =
                        c.prepareStatement(
                                "SELECT active_pid, pg_terminate_backend(active_pid)"
                                        + " FROM pg_replication_slots"
                                        + " WHERE slot_name = ? AND active_pid IS NOT NULL")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(2) ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    /** One line per slot; nothing when there is none. */
    public void print(PrintStream out) {
        List<Slot> slots = list();
        if (slots.isEmpty()) {
            return;
        }
        out.printf("  %-18s %-9s %-7s %s%n", "REPLICATION SLOT", "DATABASE", "ACTIVE", "LAG");
        for (Slot slot : slots) {
            out.printf(
                    "  %-18s %-9s %-7s %s%n",
                    slot.name(),
                    slot.database(),
                    slot.active() ? "yes" : "no",
                    slot.lagBytes().map(ReplicationSlots::bytes).orElse("-"));
        }
    }

    private static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format("%.1f KiB", n / 1024.0);
        }
        return String.format("%.1f MiB", n / (1024.0 * 1024));
    }
}
