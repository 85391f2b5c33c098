package io.strata.workload.oltp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.workload.oltp.OltpTable.Column;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the OLTP tables back into an {@link OltpState}, with the same Java types as the generator.
 */
public final class OltpReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OltpReader() {}

    public static OltpState read(Connection connection) throws SQLException {
        OltpState state = new OltpState();
        for (OltpTable table : OltpTable.values()) {
            List<Column> cols = table.columns();
            String sql =
                    "SELECT "
                            + cols.stream().map(Column::name).collect(Collectors.joining(", "))
                            + " FROM "
                            + table.qualifiedName();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    Object[] row = new Object[cols.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = value(rs, i + 1, cols.get(i));
                    }
                    state.apply(new OltpChange(OltpChange.Kind.INSERT, table, row));
                }
            }
        }
        return state;
    }

    private static Object value(ResultSet rs, int i, Column c) throws SQLException {
        Object v =
                switch (c.type()) {
                    case TEXT -> rs.getString(i);
                    case BIGINT -> rs.getLong(i);
                    case INTEGER -> rs.getInt(i);
                    case NUMERIC -> rs.getBigDecimal(i);
                    case BOOLEAN -> rs.getBoolean(i);
                    case TIMESTAMPTZ -> {
                        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                        yield t == null ? null : t.toInstant();
                    }
                    case JSONB -> json(rs.getString(i));
                };
        return rs.wasNull() ? null : v;
    }

    private static Object json(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
