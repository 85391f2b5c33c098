package io.strata.workload.oracle.gold;

import io.strata.workload.oracle.SilverEntity;
import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.ReturnRow;
import io.strata.workload.oracle.SilverRows.TicketRow;
import io.strata.workload.oracle.SilverVersion;
import io.strata.workload.oracle.gold.FeatureMath.OrderFact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Point-in-time features computed directly from the Silver versions, independently of {@link
 * FeatureHistory}: for an instant {@code T}, find the customer's last input event at or before
 * {@code T} (its time {@code t}), then evaluate every key's latest version with event time {@code
 * <= t} from scratch. For speed the versions are indexed by document key and each customer lists
 * the keys any live version ever gave it; that index only narrows the search.
 */
final class FeaturesAsOf {

    private static final Comparator<SilverVersion> EVENT_ORDER =
            Comparator.comparing(SilverVersion::eventTime)
                    .thenComparingLong(SilverVersion::position);

    private final Map<String, List<SilverVersion>> byDocument = new HashMap<>();
    private final Map<String, Set<String>> documentsOfCustomer = new HashMap<>();

    FeaturesAsOf(List<SilverVersion> changeLog) {
        for (SilverVersion v : changeLog) {
            if (v.row() instanceof OrderRow
                    || v.row() instanceof TicketRow
                    || v.row() instanceof ReturnRow) {
                String document = v.entity() + "\u0000" + v.tenant() + '\u0000' + v.key();
                byDocument.computeIfAbsent(document, k -> new ArrayList<>()).add(v);
                String customer = FeatureHistory.customerOf(v);
                if (!v.deleted() && customer != null) {
                    documentsOfCustomer
                            .computeIfAbsent(v.tenant() + '\u0000' + customer, k -> new TreeSet<>())
                            .add(document);
                }
            }
        }
        byDocument.values().forEach(versions -> versions.sort(EVENT_ORDER));
    }

    /**
     * The features of the customer as of {@code asOf}: values from the versions with event time up
     * to the customer's last input event at or before {@code asOf}, which is {@code validFrom};
     * {@code validTo} is the customer's first input event after {@code asOf}. Empty when the
     * customer has no input event at or before {@code asOf}.
     */
    Optional<FeatureRow> asOf(String tenant, String customer, Instant asOf) {
        List<List<SilverVersion>> documents = new ArrayList<>();
        for (String d : documentsOfCustomer.getOrDefault(tenant + '\u0000' + customer, Set.of())) {
            documents.add(byDocument.get(d));
        }
        Instant from = null;
        Instant to = null;
        for (List<SilverVersion> versions : documents) {
            for (Instant t : inputEvents(versions, customer)) {
                if (!t.isAfter(asOf)) {
                    from = from == null || t.isAfter(from) ? t : from;
                } else {
                    to = to == null || t.isBefore(to) ? t : to;
                }
            }
        }
        if (from == null) {
            return Optional.empty();
        }
        List<OrderFact> orders = new ArrayList<>();
        int openTickets = 0;
        List<Instant> returns = new ArrayList<>();
        for (List<SilverVersion> versions : documents) {
            SilverVersion v = latestAt(versions, from);
            if (v == null || v.deleted() || !customer.equals(FeatureHistory.customerOf(v))) {
                continue;
            }
            if (v.row() instanceof OrderRow o) {
                orders.add(new OrderFact(o.orderTime(), o.totalAmount()));
            } else if (v.row() instanceof TicketRow tk) {
                openTickets += "open".equals(tk.status()) ? 1 : 0;
            } else if (v.row() instanceof ReturnRow r) {
                returns.add(r.returnTime());
            }
        }
        return Optional.of(
                FeatureMath.at(tenant, customer, from, orders, openTickets, returns)
                        .withValidTo(to));
    }

    /** The event times of one document's versions that are input events of {@code customer}. */
    private static List<Instant> inputEvents(List<SilverVersion> versions, String customer) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            SilverVersion v = versions.get(i);
            String attributed;
            if (!v.deleted()) {
                attributed = FeatureHistory.customerOf(v);
            } else if (v.entity() == SilverEntity.PRODUCT_RETURN) {
                attributed = null;
            } else {
                attributed = lastLiveCustomerBefore(versions, i);
            }
            if (customer.equals(attributed)) {
                times.add(v.eventTime());
            }
        }
        return times;
    }

    private static String lastLiveCustomerBefore(List<SilverVersion> versions, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!versions.get(i).deleted()) {
                return FeatureHistory.customerOf(versions.get(i));
            }
        }
        return null;
    }

    /** The latest version with event time {@code <= t} (ties: the greater position), or null. */
    private static SilverVersion latestAt(List<SilverVersion> versions, Instant t) {
        SilverVersion latest = null;
        for (SilverVersion v : versions) {
            if (!v.eventTime().isAfter(t) && (latest == null || v.isNewerThan(latest))) {
                latest = v;
            }
        }
        return latest;
    }
}
