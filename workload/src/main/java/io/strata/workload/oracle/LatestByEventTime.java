package io.strata.workload.oracle;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Silver's upsert rule for one entity: per key the version with the greatest (event time, position)
 * wins, whatever order versions arrive in; a delete is a version without a value (a tombstone), so
 * an older update arriving after it cannot bring the row back.
 */
final class LatestByEventTime<V> {

    private record Version<V>(long time, long position, V value) {}

    private final Map<String, Version<V>> versions = new HashMap<>();

    void upsert(String key, long time, long position, V value) {
        Version<V> current = versions.get(key);
        if (current == null
                || time > current.time
                || (time == current.time && position > current.position)) {
            versions.put(key, new Version<>(time, position, value));
        }
    }

    void delete(String key, long time, long position) {
        upsert(key, time, position, null);
    }

    /** True when the key's latest version is a live row. */
    boolean isLive(String key) {
        Version<V> v = versions.get(key);
        return v != null && v.value != null;
    }

    /** Visits the live rows (tombstones skipped). */
    void forEachLive(BiConsumer<String, V> action) {
        versions.forEach(
                (k, v) -> {
                    if (v.value != null) {
                        action.accept(k, v.value);
                    }
                });
    }
}
