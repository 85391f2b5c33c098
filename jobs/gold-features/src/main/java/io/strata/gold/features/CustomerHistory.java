package io.strata.gold.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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

    /** The distinct event times at or after {@code from}, ascending: the rows to (re)compute. */
    List<Long> eventTimesFrom(long from) {
        TreeSet<Long> times = new TreeSet<>();
        for (List<EntityVersion> versions : byEntity.values()) {
            for (EntityVersion v : versions) {
                if (v.eventTime >= from) {
                    times.add(v.eventTime);
                }
            }
        }
        return new ArrayList<>(times);
    }

    /** Each entity's latest version with event time {@code <= t} (ties: the later position). */
    List<EntityVersion> asOf(long t) {
        List<EntityVersion> latest = new ArrayList<>();
        for (List<EntityVersion> versions : byEntity.values()) {
            EntityVersion found = null;
            for (EntityVersion v : versions) {
                if (v.eventTime > t) {
                    break;
                }
                found = v;
            }
            if (found != null) {
                latest.add(found);
            }
        }
        return latest;
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
