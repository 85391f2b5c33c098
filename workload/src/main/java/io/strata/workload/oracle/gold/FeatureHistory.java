package io.strata.workload.oracle.gold;

import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.ReturnRow;
import io.strata.workload.oracle.SilverRows.TicketRow;
import io.strata.workload.oracle.SilverVersion;
import io.strata.workload.oracle.gold.FeatureMath.OrderFact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The customer-features history, computed as the job computes it: one sweep over the order, ticket
 * and return versions in event-time order (then position), keeping per customer what currently
 * counts, and writing a row for every customer with an input event at each distinct event time once
 * all versions of that time are applied.
 *
 * <p>An order or ticket version is an input event of the customer of the key's latest live version:
 * its own customer when it is live, for a delete the customer of the live version before it. A
 * return version is an input event of its own customer.
 */
final class FeatureHistory {

    /** What counts for one customer now. */
    private static final class Customer {
        final Map<String, OrderFact> liveOrders = new HashMap<>();
        final Set<String> openTickets = new HashSet<>();
        final Map<String, Instant> returns = new HashMap<>();
    }

    /** A document key's latest version and the customer of its latest live version. */
    private static final class Document {
        SilverVersion latest;
        String lastLiveCustomer;
    }

    private final Map<String, Customer> customers = new HashMap<>();
    private final Map<String, Document> documents = new HashMap<>();

    /** Every row, sorted by tenant, customer and {@code validFrom}. */
    static List<FeatureRow> of(List<SilverVersion> changeLog) {
        List<SilverVersion> inputs = new ArrayList<>();
        for (SilverVersion v : changeLog) {
            if (v.row() instanceof OrderRow
                    || v.row() instanceof TicketRow
                    || v.row() instanceof ReturnRow) {
                inputs.add(v);
            }
        }
        inputs.sort(
                Comparator.comparing(SilverVersion::eventTime)
                        .thenComparingLong(SilverVersion::position));
        return new FeatureHistory().sweep(inputs);
    }

    private List<FeatureRow> sweep(List<SilverVersion> inputs) {
        Map<String, List<FeatureRow>> rows = new TreeMap<>();
        int i = 0;
        while (i < inputs.size()) {
            Instant t = inputs.get(i).eventTime();
            Set<String> touched = new TreeSet<>();
            for (; i < inputs.size() && inputs.get(i).eventTime().equals(t); i++) {
                String customer = apply(inputs.get(i));
                if (customer != null) {
                    touched.add(id(inputs.get(i).tenant(), customer));
                }
            }
            for (String id : touched) {
                Customer c = customers.computeIfAbsent(id, k -> new Customer());
                String[] parts = id.split("\u0000", 2);
                rows.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(
                                FeatureMath.at(
                                        parts[0],
                                        parts[1],
                                        t,
                                        c.liveOrders.values(),
                                        c.openTickets.size(),
                                        c.returns.values()));
            }
        }
        List<FeatureRow> out = new ArrayList<>();
        for (List<FeatureRow> customerRows : rows.values()) {
            for (int r = 0; r < customerRows.size(); r++) {
                FeatureRow row = customerRows.get(r);
                out.add(
                        r + 1 < customerRows.size()
                                ? row.withValidTo(customerRows.get(r + 1).validFrom())
                                : row);
            }
        }
        return out;
    }

    /** Applies one version; returns the customer whose input event it is, or null. */
    private String apply(SilverVersion v) {
        Document d =
                documents.computeIfAbsent(
                        v.entity() + "\u0000" + v.tenant() + '\u0000' + v.key(),
                        k -> new Document());
        String previous = d.latest == null || d.latest.deleted() ? null : customerOf(d.latest);
        if (previous != null) {
            Customer c = customer(v.tenant(), previous);
            switch (v.entity()) {
                case ORDER -> c.liveOrders.remove(v.key());
                case SUPPORT_TICKET -> c.openTickets.remove(v.key());
                default -> c.returns.remove(v.key());
            }
        }
        d.latest = v;
        if (v.deleted()) {
            return v.row() instanceof ReturnRow ? null : d.lastLiveCustomer;
        }
        String owner = customerOf(v);
        d.lastLiveCustomer = owner;
        if (owner == null) {
            return null;
        }
        Customer c = customer(v.tenant(), owner);
        if (v.row() instanceof OrderRow o) {
            c.liveOrders.put(v.key(), new OrderFact(o.orderTime(), o.totalAmount()));
        } else if (v.row() instanceof TicketRow tk) {
            if ("open".equals(tk.status())) {
                c.openTickets.add(v.key());
            }
        } else if (v.row() instanceof ReturnRow r) {
            c.returns.put(v.key(), r.returnTime());
        }
        return owner;
    }

    private Customer customer(String tenant, String key) {
        return customers.computeIfAbsent(id(tenant, key), k -> new Customer());
    }

    private static String id(String tenant, String customer) {
        return tenant + '\u0000' + customer;
    }

    static String customerOf(SilverVersion v) {
        if (v.row() instanceof OrderRow o) {
            return o.customerKey();
        }
        if (v.row() instanceof TicketRow t) {
            return t.customerKey();
        }
        return ((ReturnRow) v.row()).customerKey();
    }
}
