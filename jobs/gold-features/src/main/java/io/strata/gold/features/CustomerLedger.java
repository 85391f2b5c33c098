package io.strata.gold.features;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One customer's versions as the features read them, in two parts:
 *
 * <ul>
 *   <li>the <em>settled</em> versions: per entity the latest version before the horizon, while it
 *       can still count ({@link FeatureCalculator#mayCountFrom}). A long-lived customer has
 *       thousands (every live order counts for the lifetime features); they are kept in order time,
 *       so a window over them is two binary searches and a difference of running sums;
 *   <li>the <em>applied</em> versions since the horizon: the few within the allowed lateness, swept
 *       in event time.
 * </ul>
 *
 * <p>A row's live entities are the settled ones, each overlaid by its entity's latest applied
 * version at or before the row's time. A row thus costs the overlaid entities, not all of the
 * customer's. Versions leave the applied part for the settled one as the horizon passes them
 * ({@link #settle}).
 */
final class CustomerLedger {

    /** Settled versions in the order they are kept: kind, then business time, then key. */
    static final Comparator<EntityVersion> SETTLED =
            Comparator.<EntityVersion, InputKind>comparing(v -> v.kind)
                    .thenComparingLong(v -> v.businessTime)
                    .thenComparing(v -> v.key);

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(FeatureCalculator.SCALE);

    private final String customer;
    private final Shelf orders;
    private final Shelf tickets;
    private final Shelf returns;
    private final List<EntityVersion> applied;

    private CustomerLedger(
            String customer, List<EntityVersion> settled, Iterable<EntityVersion> applied) {
        this.customer = customer;
        List<List<EntityVersion>> byKind = new ArrayList<>();
        for (int i = 0; i < InputKind.values().length; i++) {
            byKind.add(new ArrayList<>());
        }
        if (settled != null) {
            for (EntityVersion v : settled) {
                byKind.get(v.kind.ordinal()).add(v);
            }
        }
        this.orders = new Shelf(byKind.get(InputKind.ORDER.ordinal()));
        this.tickets = new Shelf(byKind.get(InputKind.TICKET.ordinal()));
        this.returns = new Shelf(byKind.get(InputKind.RETURN.ordinal()));
        this.applied = new ArrayList<>();
        applied.forEach(this.applied::add);
        // Versions of one entity and event time keep their source order: the later wins.
        this.applied.sort(EntityVersion.SEQUENCE);
    }

    /**
     * The ledger of {@code customer} from its settled versions (as {@link #settled()} gave them,
     * null when none) and its applied versions.
     */
    static CustomerLedger of(
            String customer, List<EntityVersion> settled, Iterable<EntityVersion> applied) {
        return new CustomerLedger(customer, settled, applied);
    }

    /** What a row is computed from. */
    @FunctionalInterface
    interface RowInput {
        /**
         * The row as of {@code t}, valid until {@code next} (null: the newest row), from {@code
         * live}, which answers for {@code t} only: it changes after the call.
         */
        void accept(long t, Long next, LiveEntities live) throws Exception;
    }

    /** The first applied event time at or after {@code from}; null when there is none. */
    Long firstEventTimeFrom(long from) {
        for (EntityVersion v : applied) {
            if (v.eventTime >= from) {
                return v.eventTime;
            }
        }
        return null;
    }

    /**
     * The input of every row from {@code from} on, in time order, one per distinct applied event
     * time; the applied versions before {@code from} are overlaid first.
     */
    void forEachRowFrom(long from, RowInput row) throws Exception {
        Sweep sweep = new Sweep();
        int i = 0;
        while (i < applied.size() && applied.get(i).eventTime < from) {
            sweep.overlay(applied.get(i++));
        }
        while (i < applied.size()) {
            long t = applied.get(i).eventTime;
            while (i < applied.size() && applied.get(i).eventTime == t) {
                sweep.overlay(applied.get(i++));
            }
            row.accept(t, i < applied.size() ? applied.get(i).eventTime : null, sweep);
        }
    }

    /** What {@link #settle} changed. */
    static final class Settlement {
        /** The applied versions now settled or let go, by {@link EntityVersion#id()}. */
        final List<String> leftApplied = new ArrayList<>();

        /** Whether the settled versions changed. */
        boolean settledChanged;
    }

    /**
     * Moves the applied versions before {@code horizon} to the settled ones (per entity the latest,
     * while it can count), and lets go of the settled versions that can no longer count from the
     * horizon on. No row at or after the horizon reads what goes.
     */
    Settlement settle(long horizon) {
        Settlement done = new Settlement();
        Map<String, EntityVersion> latestBefore = new LinkedHashMap<>();
        for (EntityVersion v : applied) {
            if (v.eventTime >= horizon) {
                break;
            }
            done.leftApplied.add(v.id());
            latestBefore.put(v.entity(), v);
        }
        for (EntityVersion v : latestBefore.values()) {
            Shelf shelf = shelf(v.kind);
            done.settledChanged |= shelf.remove(v.key);
            if (FeatureCalculator.mayCountFrom(v, customer, horizon)) {
                shelf.insert(v);
                done.settledChanged = true;
            }
        }
        for (Shelf shelf : List.of(orders, tickets, returns)) {
            done.settledChanged |=
                    shelf.removeIf(v -> !FeatureCalculator.mayCountFrom(v, customer, horizon));
        }
        applied.subList(0, done.leftApplied.size()).clear();
        return done;
    }

    /** The settled versions, in {@link #SETTLED} order: what state keeps. */
    List<EntityVersion> settled() {
        List<EntityVersion> all =
                new ArrayList<>(
                        orders.versions.size() + tickets.versions.size() + returns.versions.size());
        all.addAll(orders.versions);
        all.addAll(tickets.versions);
        all.addAll(returns.versions);
        return all;
    }

    private Shelf shelf(InputKind kind) {
        return switch (kind) {
            case ORDER -> orders;
            case TICKET -> tickets;
            case RETURN -> returns;
        };
    }

    private static BigDecimal amount(EntityVersion v) {
        return v.amount == null ? ZERO : v.amount;
    }

    /** {@link #centsOf} of an amount that is not a whole number of hundredths within a long. */
    private static final long INEXACT = Long.MIN_VALUE;

    /** An order's amount in hundredths (none: 0), or {@link #INEXACT}. */
    private static long centsOf(EntityVersion v) {
        if (v.amount == null) {
            return 0;
        }
        try {
            return v.amount
                    .setScale(FeatureCalculator.SCALE, RoundingMode.UNNECESSARY)
                    .unscaledValue()
                    .longValueExact();
        } catch (ArithmeticException e) {
            return INEXACT;
        }
    }

    /** The settled versions of one kind, in business time, then key. */
    private static final class Shelf {

        final List<EntityVersion> versions;
        private long[] times;
        private long[] cents;
        private boolean exact = true;
        private Map<String, Integer> byKey;

        Shelf(List<EntityVersion> versions) {
            this.versions = versions;
        }

        /** The business times, in order. */
        long[] times() {
            if (times == null) {
                times = new long[versions.size()];
                for (int i = 0; i < times.length; i++) {
                    times[i] = versions.get(i).businessTime;
                }
            }
            return times;
        }

        /**
         * {@code cents()[i]}: the total amount of the first {@code i} versions, in hundredths; null
         * when an amount has finer digits or a total does not fit a long (never for Silver's
         * decimal(18,2) amounts; {@link Sweep} then adds them up as decimals).
         */
        long[] cents() {
            if (cents == null && exact) {
                long[] sums = new long[versions.size() + 1];
                try {
                    for (int i = 0; i < versions.size(); i++) {
                        long c = centsOf(versions.get(i));
                        if (c == INEXACT) {
                            throw new ArithmeticException("not in hundredths");
                        }
                        sums[i + 1] = Math.addExact(sums[i], c);
                    }
                    cents = sums;
                } catch (ArithmeticException e) {
                    exact = false;
                }
            }
            return cents;
        }

        /** The position of the version of the entity {@code key}; -1 when none is settled. */
        int indexOf(String key) {
            if (byKey == null) {
                byKey = new HashMap<>(versions.size() * 2);
                for (int i = 0; i < versions.size(); i++) {
                    byKey.put(versions.get(i).key, i);
                }
            }
            Integer i = byKey.get(key);
            return i == null ? -1 : i;
        }

        /** How many versions have a business time at or before {@code time}. */
        int countUpTo(long time) {
            long[] all = times();
            int i = Arrays.binarySearch(all, time);
            if (i < 0) {
                return -i - 1;
            }
            while (i < all.length && all[i] == time) {
                i++;
            }
            return i;
        }

        boolean remove(String key) {
            int i = indexOf(key);
            if (i < 0) {
                return false;
            }
            versions.remove(i);
            changed();
            return true;
        }

        boolean removeIf(Predicate<EntityVersion> gone) {
            boolean removed = versions.removeIf(gone);
            if (removed) {
                changed();
            }
            return removed;
        }

        void insert(EntityVersion v) {
            int i = Collections.binarySearch(versions, v, SETTLED);
            versions.add(i < 0 ? -i - 1 : i, v);
            changed();
        }

        private void changed() {
            times = null;
            cents = null;
            exact = true;
            byKey = null;
        }
    }

    /**
     * The live entities as the sweep reaches each row: the settled versions, less those of the
     * entities overlaid by an applied version, plus the overlaid entities' latest applied versions.
     * What an overlaid entity counts for is worked out once per version, so a row costs a few
     * binary searches and a pass over the overlaid entities in plain arithmetic.
     */
    private final class Sweep implements LiveEntities {

        private final Map<String, Overlay> byEntity = new HashMap<>();
        private final List<Overlay> orderOverlays = new ArrayList<>();
        private final List<Overlay> ticketOverlays = new ArrayList<>();
        private final List<Overlay> returnOverlays = new ArrayList<>();
        private boolean[] ordersOverlaid;
        private boolean overlaidExact = true;
        private int settledOpenTickets = -1;

        void overlay(EntityVersion v) {
            Overlay o = byEntity.get(v.entity());
            if (o == null) {
                Shelf shelf = shelf(v.kind);
                int at = shelf.indexOf(v.key);
                o = new Overlay(at < 0 ? null : shelf.versions.get(at));
                byEntity.put(v.entity(), o);
                overlays(v.kind).add(o);
                if (v.kind == InputKind.ORDER && at >= 0) {
                    if (ordersOverlaid == null) {
                        ordersOverlaid = new boolean[orders.versions.size()];
                    }
                    ordersOverlaid[at] = true;
                }
                if (o.settled != null) {
                    o.settledCounts = v.kind != InputKind.TICKET || isOpen(o.settled);
                    o.settledCents = v.kind == InputKind.ORDER ? centsOf(o.settled) : 0;
                }
            }
            o.current = v;
            o.currentCounts = v.isLiveFor(customer) && (v.kind != InputKind.TICKET || isOpen(v));
            o.currentCents = v.kind == InputKind.ORDER ? centsOf(v) : 0;
            overlaidExact &= o.settledCents != INEXACT && o.currentCents != INEXACT;
        }

        @Override
        public Orders orders(long after, long upTo) {
            if (upTo <= after) {
                return new Orders(0, ZERO);
            }
            long[] sums = overlaidExact ? orders.cents() : null;
            if (sums == null) {
                return ordersAsDecimals(after, upTo);
            }
            int from = orders.countUpTo(after);
            int to = orders.countUpTo(upTo);
            long count = to - from;
            long cents = sums[to] - sums[from];
            try {
                for (Overlay o : orderOverlays) {
                    if (o.settledCounts && within(o.settled.businessTime, after, upTo)) {
                        count--;
                        cents = Math.subtractExact(cents, o.settledCents);
                    }
                    if (o.currentCounts && within(o.current.businessTime, after, upTo)) {
                        count++;
                        cents = Math.addExact(cents, o.currentCents);
                    }
                }
            } catch (ArithmeticException e) {
                return ordersAsDecimals(after, upTo);
            }
            return new Orders(count, BigDecimal.valueOf(cents, FeatureCalculator.SCALE));
        }

        /** {@link #orders} one by one in decimals: for amounts beyond hundredths in a long. */
        private Orders ordersAsDecimals(long after, long upTo) {
            long count = 0;
            BigDecimal amount = ZERO;
            for (int i = 0; i < orders.versions.size(); i++) {
                EntityVersion v = orders.versions.get(i);
                if (!overlaid(i) && within(v.businessTime, after, upTo)) {
                    count++;
                    amount = amount.add(amount(v));
                }
            }
            for (Overlay o : orderOverlays) {
                if (o.currentCounts && within(o.current.businessTime, after, upTo)) {
                    count++;
                    amount = amount.add(amount(o.current));
                }
            }
            return new Orders(count, amount);
        }

        @Override
        public EntityVersion firstOrder(long t) {
            EntityVersion first = null;
            for (int i = 0; i < orders.versions.size(); i++) {
                if (!overlaid(i)) {
                    EntityVersion v = orders.versions.get(i);
                    first = v.businessTime <= t ? v : null;
                    break;
                }
            }
            return overlaidOrder(first, t, -1);
        }

        @Override
        public EntityVersion lastOrder(long t) {
            EntityVersion last = null;
            for (int i = orders.countUpTo(t) - 1; i >= 0; i--) {
                if (!overlaid(i)) {
                    last = orders.versions.get(i);
                    break;
                }
            }
            return overlaidOrder(last, t, 1);
        }

        /**
         * Of {@code best} and the overlaid entities' live orders at or before {@code t}, the first
         * ({@code direction} -1) or the last (+1) in {@link #SETTLED} order.
         */
        private EntityVersion overlaidOrder(EntityVersion best, long t, int direction) {
            for (Overlay o : orderOverlays) {
                EntityVersion v = o.current;
                if (o.currentCounts
                        && v.businessTime <= t
                        && (best == null || direction * SETTLED.compare(v, best) > 0)) {
                    best = v;
                }
            }
            return best;
        }

        @Override
        public int openTickets() {
            if (settledOpenTickets < 0) {
                settledOpenTickets = 0;
                for (EntityVersion v : tickets.versions) {
                    settledOpenTickets += isOpen(v) ? 1 : 0;
                }
            }
            int open = settledOpenTickets;
            for (Overlay o : ticketOverlays) {
                open += (o.currentCounts ? 1 : 0) - (o.settledCounts ? 1 : 0);
            }
            return open;
        }

        @Override
        public int returns(long after, long upTo) {
            int count = upTo > after ? returns.countUpTo(upTo) - returns.countUpTo(after) : 0;
            for (Overlay o : returnOverlays) {
                count -= o.settledCounts && within(o.settled.businessTime, after, upTo) ? 1 : 0;
                count += o.currentCounts && within(o.current.businessTime, after, upTo) ? 1 : 0;
            }
            return count;
        }

        private boolean overlaid(int order) {
            return ordersOverlaid != null && ordersOverlaid[order];
        }

        private List<Overlay> overlays(InputKind kind) {
            return switch (kind) {
                case ORDER -> orderOverlays;
                case TICKET -> ticketOverlays;
                case RETURN -> returnOverlays;
            };
        }
    }

    /**
     * An entity with applied versions: its settled version (if any) and its latest applied one, and
     * whether each counts (a settled ticket while open; an applied version while live for the
     * customer, a ticket also while open), with an order's amount in hundredths.
     */
    private static final class Overlay {
        final EntityVersion settled;
        boolean settledCounts;
        long settledCents;
        EntityVersion current;
        boolean currentCounts;
        long currentCents;

        Overlay(EntityVersion settled) {
            this.settled = settled;
        }
    }

    private static boolean isOpen(EntityVersion ticket) {
        return FeatureCalculator.OPEN.equals(ticket.status);
    }

    private static boolean within(long time, long after, long upTo) {
        return after < time && time <= upTo;
    }
}
