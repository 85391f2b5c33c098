package io.strata.workload.oracle.gold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One satellite's rows, built in arrival order: a version with an older load time than the newest
 * one of its hash key seen before is skipped (Silver's topic carries the versions its table
 * superseded, after the newer one; versions of one load time are taken as they come); otherwise a
 * version whose hash diff differs from the previous row's of its hash key is a row; a row with the
 * same (hash key, load time) as an earlier one replaces it, as an upsert on the table's identifier
 * does.
 */
final class Satellite<R> {

    private final Map<String, Instant> newest = new HashMap<>();
    private final Map<String, String> lastHashDiff = new HashMap<>();
    private final Map<String, Map<Instant, R>> rows = new HashMap<>();

    void offer(String hashKey, Instant loadTime, String hashDiff, R row) {
        Instant known = newest.get(hashKey);
        if (known != null && loadTime.isBefore(known)) {
            return;
        }
        newest.put(hashKey, loadTime);
        if (hashDiff.equals(lastHashDiff.put(hashKey, hashDiff))) {
            return;
        }
        rows.computeIfAbsent(hashKey, k -> new TreeMap<>()).put(loadTime, row);
    }

    /** The rows, by hash key and load time, after {@code ghost}. */
    List<R> rows(R ghost) {
        List<R> out = new ArrayList<>();
        out.add(ghost);
        rows.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> out.addAll(e.getValue().values()));
        return out;
    }
}
