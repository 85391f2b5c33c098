package io.strata.gold.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The applied versions of one customer's orders, tickets and returns, each entity's in sequence
 * ({@link EntityVersion#SEQUENCE}): what a row as of any instant is computed from, and which of the
 * versions a row at or after a horizon can no longer need.
 */
final class CustomerHistory {

    private final Map<String, List<EntityVersion>> byEntity = new HashMap<>();

    private CustomerHistory() {}

    static CustomerHistory of(Iterable<EntityVersion> versions) {
        CustomerHistory h = new CustomerHistory();
        for (EntityVersion v : versions) {
            h.byEntity.computeIfAbsent(v.entity(), k -> new ArrayList<>()).add(v);
        }
        h.byEntity.values().forEach(list -> list.sort(EntityVersion.SEQUENCE));
        return h;
    }

    /** What a row is computed from. */
    @FunctionalInterface
    interface RowInput {
        /**
         * The row as of {@code t}, valid until {@code next} (null: the newest row), from {@code
         * latest}: each entity's latest version at or before {@code t} (ties: the later position).
         * {@code latest} changes after the call.
         */
        void accept(long t, Long next, List<EntityVersion> latest) throws Exception;
    }

    /** The first event time at or after {@code from}; null when there is none. */
    Long firstEventTimeFrom(long from) {
        Long first = null;
        for (List<EntityVersion> versions : byEntity.values()) {
            for (EntityVersion v : versions) {
                if (v.eventTime >= from && (first == null || v.eventTime < first)) {
                    first = v.eventTime;
                }
            }
        }
        return first;
    }

    /**
     * The input of every row from {@code from} on, in time order, one per distinct event time: one
     * sweep over the versions in event time, each entity's latest kept as it goes, rather than a
     * search of every entity per row.
     */
    void forEachRowFrom(long from, RowInput row) throws Exception {
        List<EntityVersion> inTime = new ArrayList<>();
        byEntity.values().forEach(inTime::addAll);
        // Stable: versions of one entity and event time keep their sequence, the later wins.
        inTime.sort(Comparator.comparingLong(v -> v.eventTime));
        Map<String, Integer> slots = new HashMap<>();
        List<EntityVersion> latest = new ArrayList<>();
        int i = 0;
        while (i < inTime.size() && inTime.get(i).eventTime < from) {
            keep(inTime.get(i++), slots, latest);
        }
        while (i < inTime.size()) {
            long t = inTime.get(i).eventTime;
            while (i < inTime.size() && inTime.get(i).eventTime == t) {
                keep(inTime.get(i++), slots, latest);
            }
            row.accept(t, i < inTime.size() ? inTime.get(i).eventTime : null, latest);
        }
    }

    private static void keep(
            EntityVersion v, Map<String, Integer> slots, List<EntityVersion> latest) {
        Integer slot = slots.putIfAbsent(v.entity(), latest.size());
        if (slot == null) {
            latest.add(v);
        } else {
            latest.set(slot, v);
        }
    }

    /**
     * The versions no row at or after {@code horizon} needs: of each entity's versions before the
     * horizon all but the latest, and that one too when it cannot count for {@code customer} any
     * more ({@link FeatureCalculator#mayCountFrom}).
     */
    List<EntityVersion> settledBefore(long horizon, String customer) {
        List<EntityVersion> settled = new ArrayList<>();
        for (List<EntityVersion> versions : byEntity.values()) {
            int before = 0;
            while (before < versions.size() && versions.get(before).eventTime < horizon) {
                before++;
            }
            if (before == 0) {
                continue;
            }
            settled.addAll(versions.subList(0, before - 1));
            EntityVersion latest = versions.get(before - 1);
            if (!FeatureCalculator.mayCountFrom(latest, customer, horizon)) {
                settled.add(latest);
            }
        }
        return settled;
    }
}
