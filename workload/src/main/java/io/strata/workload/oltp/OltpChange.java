package io.strata.workload.oltp;

import java.util.Arrays;
import java.util.List;

/**
 * One row change applied to an OLTP table. {@code values} holds every column in table order (for a
 * delete: the row as it was), with the Java types of {@link OltpTable.ColumnType}.
 */
public record OltpChange(Kind kind, OltpTable table, Object[] values) {

    public enum Kind {
        INSERT,
        UPDATE,
        DELETE
    }

    /** The primary key values. */
    public List<Object> key() {
        return Arrays.asList(Arrays.copyOf(values, table.keyColumns()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OltpChange c
                && c.kind == kind
                && c.table == table
                && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + table.hashCode()) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return kind + " " + table.qualifiedName() + " " + Arrays.toString(values);
    }
}
