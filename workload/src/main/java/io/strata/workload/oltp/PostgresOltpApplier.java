package io.strata.workload.oltp;

import io.strata.workload.progress.ProgressListener;
import io.strata.workload.progress.ProgressMeter;
import io.strata.workload.progress.RatePacer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;

/**
 * Writes the OLTP side of a workload to Postgres with JDBC: creates the schema, seeds the rows and
 * applies the change sequence in batched transactions (consecutive changes of one kind to one table
 * share a JDBC batch; order is kept, so the result equals {@link OltpWorkload#expectedState}).
 */
public final class PostgresOltpApplier implements AutoCloseable {

    /** The DDL resource: schema {@code platform} and its tables. */
    public static final String SCHEMA_RESOURCE = "/oltp/schema.sql";

    private final Connection connection;
    private final Map<OltpChange.Kind, Map<OltpTable, PreparedStatement>> statements =
            new EnumMap<>(OltpChange.Kind.class);

    /** Uses (and on close, closes) the connection; switches it to manual commits. */
    public PostgresOltpApplier(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    /** Connects with batched inserts rewritten into multi-row statements (much faster). */
    public static PostgresOltpApplier connect(String jdbcUrl, String user, String password)
            throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("reWriteBatchedInserts", "true");
        return new PostgresOltpApplier(DriverManager.getConnection(jdbcUrl, props));
    }

    public static String schemaSql() {
        try (InputStream in = PostgresOltpApplier.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates schema and tables unless they exist. */
    public void createSchema() throws SQLException {
        execute(schemaSql());
    }

    /** Drops schema {@code platform} with all its rows, then creates it empty. */
    public void recreateSchema() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + OltpTable.SCHEMA + " CASCADE");
        createSchema();
    }

    /** True when any of the platform tables holds a row. */
    public boolean hasRows() throws SQLException {
        for (OltpTable t : OltpTable.values()) {
            try (Statement s = connection.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT 1 FROM " + t.qualifiedName() + " LIMIT 1")) {
                if (rs.next()) {
                    connection.commit();
                    return true;
                }
            }
        }
        connection.commit();
        return false;
    }

    /** Inserts the workload's initial rows. */
    public long seed(OltpWorkload workload, int batchSize, ProgressListener listener)
            throws SQLException {
        var rows = workload.seed();
        return apply(rows.iterator(), rows.size(), batchSize, 0, listener, "oltp-seed");
    }

    /** Applies the workload's changes at {@code rate} changes per second (0 = unthrottled). */
    public long applyChanges(
            OltpWorkload workload, int batchSize, double rate, ProgressListener listener)
            throws SQLException {
        return apply(
                workload.changes(),
                workload.changeCount(),
                batchSize,
                rate,
                listener,
                "oltp-changes");
    }

    /** Applies changes in order, committing every {@code batchSize}; returns how many. */
    public long apply(
            Iterator<OltpChange> changes,
            long total,
            int batchSize,
            double rate,
            ProgressListener listener,
            String phase)
            throws SQLException {
        ProgressMeter meter = new ProgressMeter(phase, total, listener);
        RatePacer pacer = new RatePacer(rate);
        PreparedStatement pending = null;
        int inTransaction = 0;
        try {
            while (changes.hasNext()) {
                pacer.acquire();
                OltpChange c = changes.next();
                PreparedStatement ps = statement(c);
                if (pending != null && ps != pending) {
                    pending.executeBatch();
                }
                OltpSql.bind(ps, c);
                ps.addBatch();
                pending = ps;
                if (++inTransaction == batchSize) {
                    pending.executeBatch();
                    connection.commit();
                    meter.advance(inTransaction);
                    inTransaction = 0;
                }
            }
            if (pending != null) {
                pending.executeBatch();
            }
            connection.commit();
            meter.advance(inTransaction);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
        return meter.finish().done();
    }

    private PreparedStatement statement(OltpChange c) throws SQLException {
        Map<OltpTable, PreparedStatement> byTable =
                statements.computeIfAbsent(c.kind(), k -> new EnumMap<>(OltpTable.class));
        PreparedStatement ps = byTable.get(c.table());
        if (ps == null) {
            ps = connection.prepareStatement(OltpSql.sql(c.kind(), c.table()));
            byTable.put(c.table(), ps);
        }
        return ps;
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        for (Map<OltpTable, PreparedStatement> m : statements.values()) {
            for (PreparedStatement ps : m.values()) {
                ps.close();
            }
        }
        connection.close();
    }
}
