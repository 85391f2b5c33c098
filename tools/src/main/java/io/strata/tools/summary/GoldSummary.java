package io.strata.tools.summary;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Gold as it stands in Iceberg: rows of the Data Vault and feature tables, and a few current
 * feature rows. No oracle to compare with here (the Gold oracle does not model the CDC path), so
 * the demo waits until the counts stop moving instead.
 */
public final class GoldSummary {

    /**
     * The vault's hubs, links and satellites, the feature tables, and the Silver versions Gold
     * refused (unreadable, or too late for the features).
     */
    static final List<String> TABLES =
            List.of(
                    "gold.hub_customer",
                    "gold.hub_product",
                    "gold.hub_order",
                    "gold.link_customer_order",
                    "gold.link_order_product",
                    "gold.sat_customer_details",
                    "gold.sat_product_details",
                    "gold.sat_order_header",
                    "gold.customer_features",
                    "gold.customer_features_history",
                    "gold.quarantine");

    static final String CURRENT_FEATURES = "gold.customer_features";

    /** The columns of a sample feature row, in print order. */
    private static final List<String> SAMPLE_COLUMNS =
            List.of(
                    "tenant_id",
                    "customer_key",
                    "lifetime_order_count",
                    "lifetime_spend",
                    "order_count_30d",
                    "avg_order_value_30d",
                    "days_since_last_order",
                    "open_support_tickets",
                    "return_rate_90d",
                    "valid_from");

    /** The format of a sample row and its header: tenant, customer, then the features. */
    private static final String ROW = "    %-8s %-16s %6s %11s %10s %9s %10s %7s %11s  %s%n";

    private final Catalog catalog;
    private final IcebergCounts counts;
    private Map<String, Long> lastRows = Map.of();
    private long lastChange = System.nanoTime();

    public GoldSummary(Catalog catalog) {
        this.catalog = catalog;
        this.counts = new IcebergCounts(catalog);
    }

    /** Rows per table (upserts and deletes applied); -1 while a table does not exist. */
    public Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        TABLES.forEach(t -> rows.put(t, counts.rows(t).orElse(-1L)));
        return rows;
    }

    /**
     * True once current features exist and no count has changed for {@code quiet} (call it
     * repeatedly; Gold commits on checkpoints, so {@code quiet} must span several).
     */
    public boolean settled(Duration quiet) {
        Map<String, Long> rows = rows();
        if (!rows.equals(lastRows)) {
            lastRows = rows;
            lastChange = System.nanoTime();
            return false;
        }
        return rows.get(CURRENT_FEATURES) > 0 && System.nanoTime() - lastChange >= quiet.toNanos();
    }

    public void print(PrintStream out, int samples) {
        Map<String, Long> rows = rows();
        if (rows.values().stream().allMatch(n -> n < 0)) {
            out.println("  gold tables do not exist yet (gold-features not running?)");
            return;
        }
        out.printf("  %-34s %12s%n", "TABLE", "ROWS");
        rows.forEach((table, n) -> out.printf("  %-34s %12s%n", table, n < 0 ? "-" : format(n)));
        List<Record> top = topCustomers(samples);
        if (top.isEmpty()) {
            return;
        }
        out.println(
                "  current features (" + CURRENT_FEATURES + "), the customers with most orders:");
        out.printf(
                ROW,
                "TENANT",
                "CUSTOMER",
                "ORDERS",
                "SPEND",
                "30D ORDERS",
                "30D AVG",
                "DAYS SINCE",
                "TICKETS",
                "RETURNS 90D",
                "AS OF");
        for (Record r : top) {
            out.printf(
                    ROW,
                    r.getField("tenant_id"),
                    r.getField("customer_key"),
                    cell(r, "lifetime_order_count"),
                    cell(r, "lifetime_spend"),
                    cell(r, "order_count_30d"),
                    cell(r, "avg_order_value_30d"),
                    cell(r, "days_since_last_order"),
                    cell(r, "open_support_tickets"),
                    r.getField("return_rate_90d") == null
                            ? "-"
                            : String.format("%.2f", (Double) r.getField("return_rate_90d")),
                    cell(r, "valid_from"));
        }
    }

    private static String cell(Record r, String column) {
        Object value = r.getField(column);
        return value == null ? "-" : value.toString();
    }

    /** The current feature rows of the customers with the most orders, ties by key. */
    private List<Record> topCustomers(int n) {
        TableIdentifier id = TableIdentifier.parse(CURRENT_FEATURES);
        if (!catalog.tableExists(id)) {
            return List.of();
        }
        Table table = catalog.loadTable(id);
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(table).select(SAMPLE_COLUMNS).build()) {
            for (Record r : records) {
                rows.add(r.copy());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + CURRENT_FEATURES, e);
        }
        rows.sort(
                Comparator.comparing((Record r) -> (Long) r.getField("lifetime_order_count"))
                        .reversed()
                        .thenComparing(r -> r.getField("tenant_id").toString())
                        .thenComparing(r -> r.getField("customer_key").toString()));
        return rows.subList(0, Math.min(n, rows.size()));
    }

    private static String format(long n) {
        return String.format("%,d", n);
    }
}
