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
