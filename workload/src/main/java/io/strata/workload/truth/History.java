package io.strata.workload.truth;

import java.util.List;
import java.util.function.ToLongFunction;

/** The versions of one master-data object, oldest first; the first is valid from the start. */
final class History<V> {

    private final Object[] versions;

    /** Validity starts beside the versions: the lookup reads one small array, not each version. */
    private final long[] validFrom;

    History(List<V> versions, ToLongFunction<V> validFrom) {
        this.versions = versions.toArray();
        this.validFrom = versions.stream().mapToLong(validFrom).toArray();
    }

    /** The version valid at {@code time}: the last one whose validity starts at or before it. */
    @SuppressWarnings("unchecked")
    V at(long time) {
        int i = validFrom.length - 1;
        while (i > 0 && validFrom[i] > time) {
            i--;
        }
        return (V) versions[i];
    }

    int size() {
        return versions.length;
    }
}
