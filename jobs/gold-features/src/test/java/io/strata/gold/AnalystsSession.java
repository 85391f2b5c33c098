package io.strata.gold;

import static java.util.stream.Collectors.joining;

import io.strata.common.config.StrataOptions;
import io.strata.gold.PointInTimeLabels.Label;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * An analyst's Flink SQL session as {@code docs/analysts.md} sets it up, on the test's MiniCluster:
 * batch mode, the Iceberg catalog the jobs write under its configured name ({@code CREATE CATALOG}
 * with the jobs' catalog type and warehouse), and the labels as a view {@code labels} of the
 * session's current catalog.
 */
final class AnalystsSession {

    private final TableEnvironment tables;

    private AnalystsSession(TableEnvironment tables) {
        this.tables = tables;
    }

    /** A session over the catalog of {@code config} with {@code labels} as {@code labels}. */
    static AnalystsSession open(ReadableConfig config, List<Label> labels) {
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tables.executeSql(
                String.format(
                        "CREATE CATALOG %s WITH ('type' = 'iceberg', 'catalog-type' = '%s',"
                                + " 'warehouse' = '%s')",
                        config.get(StrataOptions.ICEBERG_CATALOG_NAME),
                        config.get(StrataOptions.ICEBERG_CATALOG_TYPE),
                        config.get(StrataOptions.ICEBERG_WAREHOUSE)));
        tables.executeSql(
                "CREATE TEMPORARY VIEW labels AS SELECT tenant_id, customer_key,"
                        + " TO_TIMESTAMP_LTZ(as_of_millis, 3) AS as_of FROM (VALUES "
                        + labels.stream().map(AnalystsSession::values).collect(joining(", "))
                        + ") AS l (tenant_id, customer_key, as_of_millis)");
        return new AnalystsSession(tables);
    }

    /** A label as a row of SQL {@code VALUES}: one literal row, so the rows are one Values node. */
    private static String values(Label l) {
        return String.format(
                "(%s, %s, %d)",
                literal(l.tenantId()), literal(l.customerKey()), l.asOf().toEpochMilli());
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Every row of a query, fields by name. */
    List<Row> rows(String sql) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tables.executeSql(sql).collect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
