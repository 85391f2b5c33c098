package io.strata.workload.oracle;

import io.strata.workload.oltp.OltpChange;
import io.strata.workload.oltp.OltpState;
import io.strata.workload.oltp.OltpTable;
import io.strata.workload.oltp.OltpWorkload;
import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.ProductRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the CDC path (cdc-capture → {@code cdc.*} topics → bronze-ingest → silver-conform) adds to
 * Bronze and Silver for a sequence of OLTP changes: one Bronze event per change, and the Silver
 * customers and products of the tables' final rows.
 *
 * <p>Bronze: cdc-capture writes one change event per row change of the four captured tables (plus a
 * tombstone after a delete, which bronze-ingest skips), attributed to the row's {@code tenant_id};
 * every event has its own id (table, LSN, key), so none is a duplicate. That counts every change
 * only when cdc-capture streams from before the first write: a snapshot taken later reads the rows
 * as they are then, one event per live row, not one per change.
 *
 * <p>Silver: the tenant configurations' {@code cdc:} mappings ({@code schemas/tenants/*.yaml}, the
 * same for every tenant) turn {@code platform.customers} into customers keyed by {@code
 * external_ref} and {@code platform.products} into products keyed by {@code sku}, and ignore the
 * other tables. Within one key the changes arrive in commit order (one topic partition, commit time
 * then offset), so the final row of each key is the table's final row; a deleted row is a
 * tombstone.
 */
public final class CdcProjection {

    private final Map<String, Long> bronzeEvents;
    private final List<CustomerRow> customers;
    private final List<ProductRow> products;

    private CdcProjection(
            Map<String, Long> bronzeEvents,
            List<CustomerRow> customers,
            List<ProductRow> products) {
        this.bronzeEvents = Collections.unmodifiableMap(bronzeEvents);
        this.customers = List.copyOf(customers);
        this.products = List.copyOf(products);
    }

    /** The projection of a workload's OLTP side: its seed rows, then its changes. */
    public static CdcProjection of(OltpWorkload oltp) {
        List<OltpChange> all = new ArrayList<>(oltp.seed());
        oltp.changes().forEachRemaining(all::add);
        return of(all.iterator());
    }

    /** The projection of {@code changes}, applied in order to empty tables. */
    public static CdcProjection of(Iterator<OltpChange> changes) {
        OltpState tables = new OltpState();
        Map<String, Long> events = new TreeMap<>();
        changes.forEachRemaining(
                c -> {
                    tables.apply(c);
                    events.merge((String) c.values()[0], 1L, Long::sum);
                });
        List<CustomerRow> customers = new ArrayList<>();
        tables.rows(OltpTable.CUSTOMERS).values().forEach(r -> customers.add(customer(r)));
        List<ProductRow> products = new ArrayList<>();
        tables.rows(OltpTable.PRODUCTS).values().forEach(r -> products.add(product(r)));
        return new CdcProjection(events, customers, products);
    }

    /** Change events Bronze holds per tenant from the {@code cdc.*} topics. */
    public Map<String, Long> bronzeEvents() {
        return bronzeEvents;
    }

    /** The live Silver customers from {@code platform.customers}, in no particular order. */
    public List<CustomerRow> customers() {
        return customers;
    }

    /** The live Silver products from {@code platform.products}, in no particular order. */
    public List<ProductRow> products() {
        return products;
    }

    /** {@code platform.customers} → customer, as the {@code cdc:} mapping extracts it. */
    private static CustomerRow customer(Object[] row) {
        String email = (String) row[4];
        return new CustomerRow(
                (String) row[0],
                (String) row[2],
                (String) row[3],
                email == null ? null : email.trim().toLowerCase(Locale.ROOT),
                (String) row[5],
                (String) row[6],
                (String) row[7],
                (String) row[8],
                (Instant) row[12]);
    }

    /** {@code platform.products} → product, as the {@code cdc:} mapping extracts it. */
    private static ProductRow product(Object[] row) {
        return new ProductRow(
                (String) row[0],
                (String) row[2],
                (String) row[3],
                (String) row[4],
                (BigDecimal) row[5],
                (String) row[6]);
    }
}
