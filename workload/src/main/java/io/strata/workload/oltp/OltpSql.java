package io.strata.workload.oltp;

import io.strata.workload.oltp.OltpTable.Column;
import io.strata.workload.oltp.OltpTable.ColumnType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/** The SQL for each kind of change and the binding of row values to its parameters. */
final class OltpSql {

    private OltpSql() {}

    static String sql(OltpChange.Kind kind, OltpTable table) {
        List<Column> cols = table.columns();
        List<Column> key = cols.subList(0, table.keyColumns());
        List<Column> rest = cols.subList(table.keyColumns(), cols.size());
        return switch (kind) {
            case INSERT ->
                    "INSERT INTO "
                            + table.qualifiedName()
                            + " ("
                            + cols.stream().map(Column::name).collect(Collectors.joining(", "))
                            + ") VALUES ("
                            + cols.stream()
                                    .map(OltpSql::placeholder)
                                    .collect(Collectors.joining(", "))
                            + ")";
            case UPDATE ->
                    "UPDATE "
                            + table.qualifiedName()
                            + " SET "
                            + rest.stream()
                                    .map(c -> c.name() + " = " + placeholder(c))
                                    .collect(Collectors.joining(", "))
                            + " WHERE "
                            + where(key);
            case DELETE -> "DELETE FROM " + table.qualifiedName() + " WHERE " + where(key);
        };
    }

    /** Binds a change's values in the order {@link #sql} declares its parameters. */
    static void bind(PreparedStatement ps, OltpChange c) throws SQLException {
        List<Column> cols = c.table().columns();
        int k = c.table().keyColumns();
        Object[] v = c.values();
        int p = 1;
        switch (c.kind()) {
            case INSERT -> {
                for (int i = 0; i < cols.size(); i++) {
                    set(ps, p++, cols.get(i).type(), v[i]);
                }
            }
            case UPDATE -> {
                for (int i = k; i < cols.size(); i++) {
                    set(ps, p++, cols.get(i).type(), v[i]);
                }
                for (int i = 0; i < k; i++) {
                    set(ps, p++, cols.get(i).type(), v[i]);
                }
            }
            case DELETE -> {
                for (int i = 0; i < k; i++) {
                    set(ps, p++, cols.get(i).type(), v[i]);
                }
            }
        }
    }

    private static String where(List<Column> key) {
        return key.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(" AND "));
    }

    private static String placeholder(Column c) {
        return c.type() == ColumnType.JSONB ? "CAST(? AS jsonb)" : "?";
    }

    private static void set(PreparedStatement ps, int i, ColumnType type, Object value)
            throws SQLException {
        if (value == null) {
            ps.setNull(i, sqlType(type));
            return;
        }
        switch (type) {
            case TEXT -> ps.setString(i, (String) value);
            case BIGINT -> ps.setLong(i, (Long) value);
            case INTEGER -> ps.setInt(i, (Integer) value);
            case NUMERIC -> ps.setBigDecimal(i, (java.math.BigDecimal) value);
            case BOOLEAN -> ps.setBoolean(i, (Boolean) value);
            case TIMESTAMPTZ ->
                    ps.setObject(i, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case JSONB -> ps.setString(i, value.toString());
        }
    }

    private static int sqlType(ColumnType type) {
        return switch (type) {
            case TEXT, JSONB -> Types.VARCHAR;
            case BIGINT -> Types.BIGINT;
            case INTEGER -> Types.INTEGER;
            case NUMERIC -> Types.NUMERIC;
            case BOOLEAN -> Types.BOOLEAN;
            case TIMESTAMPTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
        };
    }
}
