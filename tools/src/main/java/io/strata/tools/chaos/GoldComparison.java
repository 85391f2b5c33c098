package io.strata.tools.chaos;

import io.strata.workload.oracle.gold.GoldOracle;
import io.strata.workload.oracle.gold.GoldVault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Gold in Iceberg against the workload's {@link GoldOracle}, where the oracle models it. The oracle
 * is computed from the Silver versions of the raw records only, so rows of the OLTP tables'
 * customers and products (the CDC path) are left out. Compared:
 *
 * <ul>
 *   <li>hubs and links: their keys (hash keys, tenant, business keys), none missing, none extra,
 *       none twice. Not their {@code load_time}/{@code record_source}: in a chaos run about 7% of
 *       keys had a later load time than the oracle's (minutes of event time), which points at
 *       out-of-order versions Silver does not publish but the oracle's change log holds; whether a
 *       fault-free run shows the same was not checked;
 *   <li>current customer features: see {@link #features}.
 * </ul>
 *
 * Not compared: the satellites and the feature history, whose rows follow the order in which Silver
 * publishes master-data versions (see the README's demo section).
 */
final class GoldComparison {

    private final Catalog catalog;

    GoldComparison(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param cdcCustomers {@code tenant|key} of every OLTP customer ever inserted
     * @param cdcProducts {@code tenant|key} of every OLTP product ever inserted
     */
    List<Check> compare(GoldOracle oracle, Set<String> cdcCustomers, Set<String> cdcProducts) {
        GoldVault vault = oracle.vault();
        List<String> hub = List.of("hk", "tenant_id", "key");
        List<Check> checks = new ArrayList<>();
        checks.add(
                sameKeys(
                        "gold.hub_customer",
                        columns(hub, "customer"),
                        vault.hubCustomer(),
                        r -> !cdcCustomers.contains(r.get(1) + "|" + r.get(2))));
        checks.add(
                sameKeys(
                        "gold.hub_product",
                        columns(hub, "product"),
                        vault.hubProduct(),
                        r -> !cdcProducts.contains(r.get(1) + "|" + r.get(2))));
        checks.add(sameKeys("gold.hub_order", columns(hub, "order"), vault.hubOrder(), r -> true));
        checks.add(
                sameKeys(
                        "gold.link_customer_order",
                        List.of("customer_order_hk", "customer_hk", "order_hk", "tenant_id"),
                        vault.linkCustomerOrder(),
                        r -> true));
        checks.add(
                sameKeys(
                        "gold.link_order_product",
                        List.of("order_product_hk", "order_hk", "product_hk", "tenant_id"),
                        vault.linkOrderProduct(),
                        r -> true));
        checks.addAll(features(oracle, cdcCustomers));
        return checks;
    }

    /**
     * Every current feature row in Gold is one of the oracle's feature-history rows, every column
     * but {@code valid_to}, and Gold has a current row for exactly the oracle's customers. A
     * customer's row may be an earlier history row than the oracle's last: the job applies events
     * only once the watermark (newest event time minus the out-of-orderness, the lowest over the
     * inputs) passes them, so the last events of a finite workload stay buffered; how many
     * customers that holds back is reported, not compared.
     */
    private List<Check> features(GoldOracle oracle, Set<String> cdcCustomers) {
        List<String> columns =
                snakeCase(io.strata.workload.oracle.gold.FeatureRow.class.getRecordComponents());
        int withoutValidTo = columns.size() - 1;
        Set<List<Object>> history = new HashSet<>();
        for (Object row : oracle.featureHistory()) {
            history.add(values(row).subList(0, withoutValidTo));
        }
        Set<List<Object>> latest = new HashSet<>();
        Set<List<Object>> customers = new HashSet<>();
        for (Object row : oracle.currentFeatures()) {
            List<Object> v = values(row);
            latest.add(v.subList(0, withoutValidTo));
            customers.add(v.subList(0, 2));
        }
        long notInHistory = 0;
        long behind = 0;
        Optional<List<Object>> example = Optional.empty();
        Set<List<Object>> found = new HashSet<>();
        for (List<Object> row : read("gold.customer_features", columns)) {
            if (cdcCustomers.contains(row.get(0) + "|" + row.get(1))) {
                continue;
            }
            found.add(row.subList(0, 2));
            List<Object> values = row.subList(0, withoutValidTo);
            if (!history.contains(values)) {
                notInHistory++;
                example = example.or(() -> Optional.of(values));
            } else if (!latest.contains(values)) {
                behind++;
            }
        }
        String what = "gold.customer_features";
        return List.of(
                new Check(
                        "gold",
                        what + ": customers with a current row",
                        String.format("%,d", customers.size()),
                        customers.equals(found)
                                ? String.format("%,d", found.size())
                                : String.format(
                                        "%,d (%,d of the oracle's missing)",
                                        found.size(),
                                        customers.stream()
                                                .filter(c -> !found.contains(c))
                                                .count())),
                new Check(
                        "gold",
                        what
                                + ": rows equal to an oracle history row (every column but"
                                + " valid_to; "
                                + behind
                                + " customers' rows still before their last event, held by the"
                                + " watermark)",
                        "0 rows that are not",
                        notInHistory == 0
                                ? "0 rows that are not"
                                : notInHistory + " rows that are not, e.g. " + example.get()));
    }

    /** A hub's key columns: {@code <name>_hk, tenant_id, <name>_key}. */
    private static List<String> columns(List<String> hub, String name) {
        return List.of(name + "_hk", hub.get(1), name + "_key");
    }

    /**
     * The table's keys (its first {@code columns}) that the oracle models against the oracle rows'
     * first components: none missing, none extra, none twice.
     */
    private Check sameKeys(
            String table,
            List<String> columns,
            List<?> oracleRows,
            Predicate<List<Object>> modelled) {
        List<Object> projected = new ArrayList<>();
        for (Object row : oracleRows) {
            projected.add(values(row).subList(0, columns.size()));
        }
        Check full = same(table, columns, projected, modelled);
        return new Check(
                full.layer(),
                table + " keys (" + String.join(", ", columns) + ")",
                full.expected(),
                full.actual());
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
        // A row of the same key (the first two columns) on both sides shows which column differs.
        Map<List<Object>, List<Object>> foundByKey = new HashMap<>();
        unexpected.forEach(r -> foundByKey.put(r.subList(0, 2), r));
        String example =
                missing.stream()
                        .sorted(java.util.Comparator.comparing(Object::toString))
                        .limit(2)
                        .map(
                                r ->
                                        "expected "
                                                + r
                                                + " found "
                                                + foundByKey.getOrDefault(
                                                        r.subList(0, 2), List.of("nothing")))
                        .collect(java.util.stream.Collectors.joining("; "));
        long sameKey =
                missing.stream().filter(r -> foundByKey.containsKey(r.subList(0, 2))).count();
        return new Check(
                "gold",
                table + " (every column)",
                want,
                String.format(
                        "%,d rows: %,d missing, %,d unexpected (%,d of them the same key with"
                                + " other values), %,d twice; e.g. %s; unexpected e.g. %s",
                        actual.size(),
                        missing.size(),
                        unexpected.size(),
                        sameKey,
                        twice,
                        example,
                        unexpected.stream()
                                .sorted(java.util.Comparator.comparing(Object::toString))
                                .findFirst()
                                .map(Object::toString)
                                .orElse("-")));
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
        if (record instanceof List<?> list) {
            return new ArrayList<>(list);
        }
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
