package io.strata.workload.oltp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.testing.PostgresServer;
import io.strata.testing.TestServices;
import io.strata.workload.TestWorkloads;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import io.strata.workload.WorkloadRunner;
import io.strata.workload.oltp.OltpTable.Column;
import io.strata.workload.progress.Progress;
import io.strata.workload.progress.ProgressListener;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OLTP schema, seed and change sequence on a real Postgres, against the oracle's expectation.
 */
class PostgresOltpTest {

    private static final WorkloadParams PARAMS = TestWorkloads.small(23, 0).build();

    private final PostgresServer postgres = TestServices.postgres();
    private final String url = postgres.jdbcUrl("postgres");

    @BeforeEach
    void emptySchema() throws SQLException {
        try (PostgresOltpApplier applier = PostgresOltpApplier.connect(url, null, null)) {
            applier.recreateSchema();
        }
    }

    @Test
    void schemaMatchesTheTablesTheGeneratorWrites() throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            for (OltpTable t : OltpTable.values()) {
                assertThat(columns(c, t))
                        .as(t.qualifiedName())
                        .isEqualTo(t.columns().stream().map(Column::name).toList());
                assertThat(primaryKey(c, t))
                        .isEqualTo(
                                t.columns().subList(0, t.keyColumns()).stream()
                                        .map(Column::name)
                                        .toList());
                assertThat(replicaIdentity(c, t)).as("REPLICA IDENTITY FULL").isEqualTo("f");
            }
        }
    }

    @Test
    void seededRowsArePresent() throws SQLException {
        OltpWorkload oltp = Workload.of(PARAMS).oltp();
        OltpState expected = new OltpState();
        oltp.seed().forEach(expected::apply);

        try (PostgresOltpApplier applier = PostgresOltpApplier.connect(url, null, null)) {
            applier.seed(oltp, 100, ProgressListener.NONE);
        }

        OltpState actual = read();
        assertThat(actual.size(OltpTable.TENANTS)).isEqualTo(3);
        assertThat(actual.size(OltpTable.CUSTOMERS)).isEqualTo(3 * 50);
        assertThat(actual.differences(expected)).isEmpty();
    }

    @Test
    void afterARunTheTablesEqualTheOraclesExpectation() throws SQLException {
        Workload workload = Workload.of(PARAMS);
        List<Progress> progress = new ArrayList<>();

        WorkloadRunner.applyToPostgres(workload, url, null, null, false, progress::add);

        OltpState expected = workload.oltp().expectedState();
        assertThat(read().differences(expected)).isEmpty();
        assertThat(progress).anySatisfy(p -> assertThat(p.phase()).isEqualTo("oltp-changes"));
        assertThat(progress).last().satisfies(p -> assertThat(p.finished()).isTrue());
        assertThat(expected.size(OltpTable.CUSTOMERS)).isNotEqualTo(3 * 50);
    }

    @Test
    void refusesToRunOnTablesThatAlreadyHoldRows() throws SQLException {
        Workload workload = Workload.of(PARAMS);
        WorkloadRunner.applyToPostgres(workload, url, null, null, false, ProgressListener.NONE);

        assertThatThrownBy(
                        () ->
                                WorkloadRunner.applyToPostgres(
                                        workload, url, null, null, false, ProgressListener.NONE))
                .hasMessageContaining("already hold rows");
    }

    private OltpState read() throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return OltpReader.read(c);
        }
    }

    private static List<String> columns(Connection c, OltpTable t) throws SQLException {
        return strings(
                c,
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
                t);
    }

    private static List<String> primaryKey(Connection c, OltpTable t) throws SQLException {
        return strings(
                c,
                "SELECT kcu.column_name FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu"
                        + " ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema"
                        + " WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = ? AND tc.table_name = ? ORDER BY kcu.ordinal_position",
                t);
    }

    private static String replicaIdentity(Connection c, OltpTable t) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT relreplident::text FROM pg_class WHERE oid = ?::regclass")) {
            ps.setString(1, t.qualifiedName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static List<String> strings(Connection c, String sql, OltpTable t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, OltpTable.SCHEMA);
            ps.setString(2, t.tableName());
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
