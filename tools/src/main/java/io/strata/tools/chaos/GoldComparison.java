package io.strata.tools.chaos;

import io.strata.workload.oracle.CdcProjection;
import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.ProductRow;
import io.strata.workload.oracle.gold.GoldOracle;
import io.strata.workload.oracle.gold.GoldVault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Gold in Iceberg against the workload's {@link GoldOracle}, where the oracle models it: the oracle
 * is computed from the Silver versions of the raw records only, so rows made of the OLTP tables'
 * customers and products (the CDC path, keys {@code PC-…}/{@code PSKU-…}) are left out of the
 * comparison. Compared: the hubs, the links and the current customer features, row for row (every
 * column). Not compared: the satellites, whose rows follow the order in which Silver publishes
 * master-data versions, which depends on how partitions interleave (see the README's demo section),
 * and the feature history, which follows how input batches meet the watermark.
 */
final class GoldComparison {

    private final Catalog catalog;

    GoldComparison(Catalog catalog) {
        this.catalog = catalog;
    }

    List<Check> compare(GoldOracle oracle, CdcProjection cdc) {
        Set<String> cdcCustomers = new HashSet<>();
        for (CustomerRow c : cdc.customers()) {
            cdcCustomers.add(c.tenantId() + "|" + c.customerKey());
        }
        Set<String> cdcProducts = new HashSet<>();
        for (ProductRow p : cdc.products()) {
            cdcProducts.add(p.tenantId() + "|" + p.productKey());
        }
        GoldVault vault = oracle.vault();
        List<String> hub = List.of("hk", "tenant_id", "key", "load_time", "record_source");
        List<Check> checks = new ArrayList<>();
        checks.add(
                same(
                        "gold.hub_customer",
                        columns(hub, "customer"),
                        vault.hubCustomer(),
                        r -> !cdcCustomers.contains(r.get(1) + "|" + r.get(2))));
        checks.add(
                same(
                        "gold.hub_product",
                        columns(hub, "product"),
                        vault.hubProduct(),
                        r -> !cdcProducts.contains(r.get(1) + "|" + r.get(2))));
        checks.add(same("gold.hub_order", columns(hub, "order"), vault.hubOrder(), r -> true));
        checks.add(
                same(
                        "gold.link_customer_order",
                        List.of(
                                "customer_order_hk",
                                "customer_hk",
                                "order_hk",
                                "tenant_id",
                                "load_time",
                                "record_source"),
                        vault.linkCustomerOrder(),
                        r -> true));
        checks.add(
                same(
                        "gold.link_order_product",
                        List.of(
                                "order_product_hk",
                                "order_hk",
                                "product_hk",
                                "tenant_id",
                                "load_time",
                                "record_source"),
                        vault.linkOrderProduct(),
                        r -> true));
        List<String> features =
                snakeCase(io.strata.workload.oracle.gold.FeatureRow.class.getRecordComponents());
        checks.add(
                same(
                        "gold.customer_features",
                        features,
                        oracle.currentFeatures(),
                        r -> !cdcCustomers.contains(r.get(0) + "|" + r.get(1))));
        return checks;
    }

    private static List<String> columns(List<String> hub, String name) {
        return List.of(name + "_hk", hub.get(1), name + "_key", hub.get(3), hub.get(4));
    }

    /**
     * The table's rows that the oracle models, as a set of column values, against the oracle's rows
     * (a Java record per row, components in the order of {@code columns}); a row present twice in
     * the table counts as a difference too.
     */
    private Check same(
            String table,
            List<String> columns,
            List<?> oracleRows,
            Predicate<List<Object>> modelled) {
        Set<List<Object>> expected = new HashSet<>();
        for (Object row : oracleRows) {
            expected.add(values(row));
        }
        Set<List<Object>> actual = new HashSet<>();
        long twice = 0;
        for (List<Object> row : read(table, columns)) {
            if (modelled.test(row) && !actual.add(row)) {
                twice++;
            }
        }
        String want = String.format("%,d rows", expected.size());
        if (expected.equals(actual) && twice == 0) {
            return new Check("gold", table + " (every column)", want, want);
        }
        Set<List<Object>> missing = new HashSet<>(expected);
        missing.removeAll(actual);
        Set<List<Object>> unexpected = new HashSet<>(actual);
        unexpected.removeAll(expected);
        return new Check(
                "gold",
                table + " (every column)",
                want,
                String.format(
                        "%,d rows: %,d missing (e.g. %s), %,d unexpected (e.g. %s), %,d twice",
                        actual.size(),
                        missing.size(),
                        missing.stream().findFirst().map(Object::toString).orElse("-"),
                        unexpected.size(),
                        unexpected.stream().findFirst().map(Object::toString).orElse("-"),
                        twice));
    }

    private List<List<Object>> read(String table, List<String> columns) {
        TableIdentifier id = TableIdentifier.parse(table);
        List<List<Object>> rows = new ArrayList<>();
        if (!catalog.tableExists(id)) {
            return rows;
        }
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(catalog.loadTable(id)).select(columns).build()) {
            for (Record r : records) {
                List<Object> row = new ArrayList<>(columns.size());
                for (String column : columns) {
                    row.add(normalize(r.getField(column)));
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + table, e);
        }
        return rows;
    }

    /** An oracle row's components, in declaration order. */
    private static List<Object> values(Object record) {
        List<Object> row = new ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                row.add(normalize(c.getAccessor().invoke(record)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return row;
    }

    /**
     * One representation per value on both sides: Iceberg's timestamps with zone as instants,
     * integers as longs, decimals with their scale kept (both sides have scale 2).
     */
    private static Object normalize(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        return value;
    }

    /** {@code orderCount30d} -> {@code order_count_30d}: the tables' column names. */
    static List<String> snakeCase(RecordComponent[] components) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : components) {
            names.add(snakeCase(c.getName()));
        }
        return names;
    }

    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder();
        char previous = 0;
        for (char ch : name.toCharArray()) {
            boolean boundary =
                    Character.isUpperCase(ch)
                            || (Character.isDigit(ch) && Character.isLetter(previous));
            if (boundary && out.length() > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(ch));
            previous = ch;
        }
        return out.toString();
    }
}
