package io.strata.workload.oltp;

import io.strata.workload.util.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The content of the OLTP tables as rows keyed by primary key: the generator's model while it
 * generates changes, the oracle's expectation afterwards, and what {@link OltpReader} reads back.
 */
public final class OltpState {

    private final Map<OltpTable, Map<List<Object>, Object[]>> rows = new EnumMap<>(OltpTable.class);
    private final Map<OltpTable, List<List<Object>>> keys = new EnumMap<>(OltpTable.class);
    private final Map<OltpTable, Map<List<Object>, Integer>> positions =
            new EnumMap<>(OltpTable.class);

    public OltpState() {
        for (OltpTable t : OltpTable.values()) {
            rows.put(t, new HashMap<>());
            keys.put(t, new ArrayList<>());
            positions.put(t, new HashMap<>());
        }
    }

    /** Applies a change; inserting an existing key or touching a missing one is a bug. */
    public void apply(OltpChange c) {
        List<Object> key = c.key();
        Map<List<Object>, Object[]> table = rows.get(c.table());
        boolean exists = table.containsKey(key);
        if (exists == (c.kind() == OltpChange.Kind.INSERT)) {
            throw new IllegalStateException("Inconsistent change for the current rows: " + c);
        }
        if (c.kind() == OltpChange.Kind.DELETE) {
            table.remove(key);
            removeKey(c.table(), key);
            return;
        }
        table.put(key, c.values().clone());
        if (!exists) {
            positions.get(c.table()).put(key, keys.get(c.table()).size());
            keys.get(c.table()).add(key);
        }
    }

    public Object[] get(OltpTable table, List<Object> key) {
        Object[] row = rows.get(table).get(key);
        return row == null ? null : row.clone();
    }

    /** A uniformly chosen existing key, or null when the table is empty. */
    public List<Object> randomKey(OltpTable table, Rng rng) {
        List<List<Object>> k = keys.get(table);
        return k.isEmpty() ? null : k.get(rng.nextInt(k.size()));
    }

    public int size(OltpTable table) {
        return rows.get(table).size();
    }

    public Map<List<Object>, Object[]> rows(OltpTable table) {
        return Collections.unmodifiableMap(rows.get(table));
    }

    /** Human-readable differences to {@code other} (empty when both hold the same rows). */
    public List<String> differences(OltpState other) {
        List<String> out = new ArrayList<>();
        for (OltpTable t : OltpTable.values()) {
            TreeSet<String> all = new TreeSet<>();
            rows.get(t).keySet().forEach(k -> all.add(k.toString()));
            other.rows.get(t).keySet().forEach(k -> all.add(k.toString()));
            Map<String, Object[]> mine = byText(rows.get(t));
            Map<String, Object[]> theirs = byText(other.rows.get(t));
            for (String k : all) {
                Object[] a = mine.get(k);
                Object[] b = theirs.get(k);
                if (!Arrays.equals(a, b)) {
                    out.add(
                            t.qualifiedName()
                                    + " "
                                    + k
                                    + ": "
                                    + Arrays.toString(a)
                                    + " vs "
                                    + Arrays.toString(b));
                }
            }
        }
        return out;
    }

    private static Map<String, Object[]> byText(Map<List<Object>, Object[]> rows) {
        Map<String, Object[]> out = new HashMap<>();
        rows.forEach((k, v) -> out.put(k.toString(), v));
        return out;
    }

    private void removeKey(OltpTable table, List<Object> key) {
        List<List<Object>> k = keys.get(table);
        int at = positions.get(table).remove(key);
        List<Object> last = k.remove(k.size() - 1);
        if (at < k.size()) {
            k.set(at, last);
            positions.get(table).put(last, at);
        }
    }
}
