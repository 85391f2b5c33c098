package io.strata.tools.chaos;

import io.strata.workload.oracle.gold.FeatureRow;
import io.strata.workload.oracle.gold.GoldOracle;
import io.strata.workload.oracle.gold.GoldVault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
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
 * customers and products (the CDC path) are left out. Compared: the hubs' and links' keys ({@link
 * #keys}), the feature history up to the newest row Gold holds ({@link #history}) and the current
 * customer features ({@link #features}). Not compared: hub and link {@code load_time}/{@code
 * record_source} and the satellites, which follow the order in which versions reach Silver (in a
 * first chaos run about 7% of keys had a later load time than the oracle's, see {@link #keys}; the
 * README's demo section).
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
    List<Check> compare(
            GoldOracle oracle, GoldVault live, Set<String> cdcCustomers, Set<String> cdcProducts) {
        GoldVault vault = oracle.vault();
        Predicate<List<Object>> notCdcCustomer =
                r -> !cdcCustomers.contains(r.get(1) + "|" + r.get(2));
        Predicate<List<Object>> notCdcProduct =
                r -> !cdcProducts.contains(r.get(1) + "|" + r.get(2));
        List<String> customerOrder =
                List.of("customer_order_hk", "customer_hk", "order_hk", "tenant_id");
        List<String> orderProduct =
                List.of("order_product_hk", "order_hk", "product_hk", "tenant_id");
        List<Check> checks = new ArrayList<>();
        checks.addAll(
                keys(
                        "gold.hub_customer",
                        hubColumns("customer"),
                        vault.hubCustomer(),
                        live.hubCustomer(),
                        notCdcCustomer));
        checks.addAll(
                keys(
                        "gold.hub_product",
                        hubColumns("product"),
                        vault.hubProduct(),
                        live.hubProduct(),
                        notCdcProduct));
        checks.addAll(
                keys(
                        "gold.hub_order",
                        hubColumns("order"),
                        vault.hubOrder(),
                        live.hubOrder(),
                        r -> true));
        checks.addAll(
                keys(
                        "gold.link_customer_order",
                        customerOrder,
                        vault.linkCustomerOrder(),
                        live.linkCustomerOrder(),
                        r -> true));
        checks.addAll(
                keys(
                        "gold.link_order_product",
                        orderProduct,
                        vault.linkOrderProduct(),
                        live.linkOrderProduct(),
                        r -> true));
        checks.addAll(features(oracle, cdcCustomers));
        return checks;
    }

    /**
     * Two checks of a hub's or link's keys (its first {@code columns}): nothing lost — every key of
     * a row live in Silver at the end is in Gold; nothing invented or duplicated — every key in
     * Gold is one the oracle's change log brings, none twice. The keys between (brought only by
     * versions of rows deleted by the end, 2 orders in a first chaos run) may be missing: when a
     * delete reaches silver-conform before its row's create, silver-conform does not publish the
     * older create, and which arrives first depends on how bronze.events' partitions interleave.
     */
    private List<Check> keys(
            String table,
            List<String> columns,
            List<?> changeLogRows,
            List<?> liveRows,
            Predicate<List<Object>> modelled) {
        Set<List<Object>> changeLog = project(changeLogRows, columns.size());
        Set<List<Object>> mustHave = project(liveRows, columns.size());
        Set<List<Object>> found = new HashSet<>();
        long twice = 0;
        for (List<Object> row : read(table, columns)) {
            if (modelled.test(row) && !found.add(row)) {
                twice++;
            }
        }
        List<List<Object>> lost = mustHave.stream().filter(k -> !found.contains(k)).toList();
        List<List<Object>> invented = found.stream().filter(k -> !changeLog.contains(k)).toList();
        long onlyDeleted = changeLog.stream().filter(k -> !mustHave.contains(k)).count();
        String what = table + " keys (" + String.join(", ", columns) + ")";
        return List.of(
                new Check(
                        "gold",
                        what + ": of the " + mustHave.size() + " rows live in Silver, missing",
                        0L,
                        describe(lost)),
                new Check(
                        "gold",
                        what
                                + ": not in the oracle's change log, or twice ("
                                + found.size()
                                + " keys; "
                                + onlyDeleted
                                + " keys of the log are only of rows deleted by the end)",
                        0L,
                        describe(invented, twice)));
    }

    private static Set<List<Object>> project(List<?> rows, int columns) {
        Set<List<Object>> keys = new HashSet<>();
        for (Object row : rows) {
            keys.add(values(row).subList(0, columns));
        }
        return keys;
    }

    /** 0 when empty (so it equals the expected 0), else the count and an example. */
    private static Object describe(List<List<Object>> keys) {
        return keys.isEmpty() ? (Object) 0L : keys.size() + ", e.g. " + keys.get(0);
    }

    private static Object describe(List<List<Object>> keys, long twice) {
        if (keys.isEmpty() && twice == 0) {
            return 0L;
        }
        return keys.size()
                + " not in the log"
                + (keys.isEmpty() ? "" : " (e.g. " + keys.get(0) + ")")
                + ", "
                + twice
                + " twice";
    }

    /**
     * Every current feature row in Gold is one of the oracle's feature-history rows (every column
     * but {@code valid_to}), and no customer is missing whose first row Gold's watermark has
     * passed. The job applies events only once the watermark (newest event time minus the
     * out-of-orderness, the lowest over its inputs) passes them, so the last events of a finite
     * workload stay buffered: a customer's current row may be an earlier history row than the
     * oracle's last, and a customer whose first event is among them has no row yet. Both are
     * counted, not failed, as is a missing customer whose every order was deleted by the end; any
     * other missing customer whose first row is no later than the newest {@code valid_from} in Gold
     * is a failure.
     */
    private List<Check> features(GoldOracle oracle, Set<String> cdcCustomers) {
        List<String> columns = snakeCase(FeatureRow.class.getRecordComponents());
        int withoutValidTo = columns.size() - 1;
        int validFrom = columns.indexOf("valid_from");
        Set<List<Object>> history = new HashSet<>();
        Map<List<Object>, Instant> firstRow = new HashMap<>();
        for (Object row : oracle.featureHistory()) {
            List<Object> v = values(row);
            history.add(v.subList(0, withoutValidTo));
            firstRow.merge(
                    v.subList(0, 2), (Instant) v.get(validFrom), (x, y) -> x.isBefore(y) ? x : y);
        }
        Set<List<Object>> latest = new HashSet<>();
        Set<List<Object>> emptyAtTheEnd = new HashSet<>();
        for (FeatureRow row : oracle.currentFeatures()) {
            latest.add(values(row).subList(0, withoutValidTo));
            if (row.lifetimeOrderCount() == 0 && row.openSupportTickets() == 0) {
                emptyAtTheEnd.add(List.of(row.tenantId(), row.customerKey()));
            }
        }
        long notInHistory = 0;
        long behind = 0;
        Optional<List<Object>> example = Optional.empty();
        Set<List<Object>> found = new HashSet<>();
        Instant newest = Instant.MIN;
        for (List<Object> row : read("gold.customer_features", columns)) {
            if (cdcCustomers.contains(row.get(0) + "|" + row.get(1))) {
                continue;
            }
            found.add(row.subList(0, 2));
            Instant from = (Instant) row.get(validFrom);
            newest = from.isAfter(newest) ? from : newest;
            List<Object> values = row.subList(0, withoutValidTo);
            if (!history.contains(values)) {
                notInHistory++;
                example = example.or(() -> Optional.of(values));
            } else if (!latest.contains(values)) {
                behind++;
            }
        }
        Instant passed = newest;
        List<List<Object>> missing =
                firstRow.keySet().stream().filter(c -> !found.contains(c)).toList();
        // Also not lost: a customer whose every order was deleted by the end. When an order's
        // delete reaches silver-conform before its create (see keys), the create is never
        // published, and Gold never sees the customer.
        List<List<Object>> lost =
                missing.stream()
                        .filter(c -> !firstRow.get(c).isAfter(passed))
                        .filter(c -> !emptyAtTheEnd.contains(c))
                        .toList();
        String what = "gold.customer_features";
        Check historyCheck = history(oracle, cdcCustomers, columns, withoutValidTo, validFrom);
        return List.of(
                historyCheck,
                new Check(
                        "gold",
                        what
                                + ": of the oracle's "
                                + firstRow.size()
                                + " customers, missing though the watermark passed their first"
                                + " row ("
                                + (missing.size() - lost.size())
                                + " missing whose first row is after "
                                + passed
                                + ", the newest valid_from in Gold, or who have no live order at"
                                + " the end)",
                        0L,
                        describe(lost)),
                new Check(
                        "gold",
                        what
                                + ": of the "
                                + found.size()
                                + " current rows, not equal to an oracle history row (every"
                                + " column but valid_to; "
                                + behind
                                + " rows are earlier ones than the oracle's last, whose last"
                                + " events the watermark holds)",
                        0L,
                        notInHistory == 0
                                ? (Object) 0L
                                : notInHistory + ", e.g. " + example.get()));
    }

    /**
     * Gold's feature history equals the oracle's up to the newest {@code valid_from} Gold holds
     * (every column but {@code valid_to}, which the next row, still held by the watermark, may
     * set): rows are released in event-time order, and the history no longer depends on the order
     * in which versions reach Silver and Gold.
     */
    private Check history(
            GoldOracle oracle,
            Set<String> cdcCustomers,
            List<String> columns,
            int withoutValidTo,
            int validFrom) {
        Set<List<Object>> gold = new HashSet<>();
        Instant cut = Instant.MIN;
        for (List<Object> row : read("gold.customer_features_history", columns)) {
            if (cdcCustomers.contains(row.get(0) + "|" + row.get(1))) {
                continue;
            }
            gold.add(row.subList(0, withoutValidTo));
            Instant from = (Instant) row.get(validFrom);
            cut = from.isAfter(cut) ? from : cut;
        }
        Set<List<Object>> expected = new HashSet<>();
        for (Object row : oracle.featureHistory()) {
            List<Object> v = values(row);
            if (!((Instant) v.get(validFrom)).isAfter(cut)) {
                expected.add(v.subList(0, withoutValidTo));
            }
        }
        List<List<Object>> missing = expected.stream().filter(r -> !gold.contains(r)).toList();
        List<List<Object>> extra = gold.stream().filter(r -> !expected.contains(r)).toList();
        Object found =
                missing.isEmpty() && extra.isEmpty()
                        ? (Object) 0L
                        : missing.size()
                                + " missing"
                                + (missing.isEmpty() ? "" : " (e.g. " + missing.get(0) + ")")
                                + ", "
                                + extra.size()
                                + " not the oracle's"
                                + (extra.isEmpty() ? "" : " (e.g. " + extra.get(0) + ")");
        return new Check(
                "gold",
                "gold.customer_features_history: of the oracle's "
                        + expected.size()
                        + " rows up to "
                        + cut
                        + " (the newest valid_from in Gold; every column but valid_to), missing or"
                        + " not the oracle's",
                0L,
                found);
    }

    /** A hub's key columns: {@code <name>_hk, tenant_id, <name>_key}. */
    private static List<String> hubColumns(String name) {
        return List.of(name + "_hk", "tenant_id", name + "_key");
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
