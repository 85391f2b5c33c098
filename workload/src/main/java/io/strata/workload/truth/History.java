package io.strata.workload.truth;

import java.util.List;
import java.util.function.ToLongFunction;

/** The versions of one master-data object, oldest first; the first is valid from the start. */
final class History<V> {

    private final Object[] versions;
    private final ToLongFunction<V> validFrom;

    History(List<V> versions, ToLongFunction<V> validFrom) {
        this.versions = versions.toArray();
        this.validFrom = validFrom;
    }

    /** The version valid at {@code time}: the last one whose validity starts at or before it. */
    @SuppressWarnings("unchecked")
    V at(long time) {
        for (int i = versions.length - 1; i > 0; i--) {
            if (validFrom.applyAsLong((V) versions[i]) <= time) {
                return (V) versions[i];
            }
        }
        return (V) versions[0];
    }

    int size() {
        return versions.length;
    }
}
