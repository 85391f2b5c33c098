package io.strata.common.checksum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Two reads of the same tables side by side (e.g. the live layer and a replay's branch), paired by
 * table name: per table and tenant, whether row count and checksum are equal.
 */
public final class ChecksumComparison {

    /** The outcome of one line. */
    public enum Result {
        MATCH,
        DIFFER,
        /** Neither side's rows name a tenant, and one tenant was asked for. */
        SKIPPED
    }

    /**
     * One table (and tenant) compared; a side is null when it could not be read, {@code note} says
     * why.
     */
    public record Line(
            String table,
            String tenant,
            Checksum left,
            Checksum right,
            Result result,
            String note) {}

    private final List<Line> lines;

    private ChecksumComparison(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    /**
     * Pairs the tables of both sides by name (within their namespaces, so a replay's namespace
     * pairs with the live one); a table on one side only differs. Lines name the left table.
     */
    public static ChecksumComparison of(List<TableChecksum> left, List<TableChecksum> right) {
        Map<String, TableChecksum> l = byName(left);
        Map<String, TableChecksum> r = byName(right);
        List<Line> lines = new ArrayList<>();
        TreeSet<String> tables = new TreeSet<>(l.keySet());
        tables.addAll(r.keySet());
        for (String name : tables) {
            TableChecksum a = l.get(name);
            TableChecksum b = r.get(name);
            String table = (a != null ? a : b).table().toString();
            lines.addAll(compare(table, a, b));
        }
        return new ChecksumComparison(lines);
    }

    public List<Line> lines() {
        return lines;
    }

    /** True when no line differs. */
    public boolean allMatch() {
        return lines.stream().noneMatch(line -> line.result() == Result.DIFFER);
    }

    public long differing() {
        return lines.stream().filter(line -> line.result() == Result.DIFFER).count();
    }

    private static List<Line> compare(String table, TableChecksum left, TableChecksum right) {
        String problem = problem(left, right);
        if (problem != null) {
            return List.of(new Line(table, "-", null, null, Result.DIFFER, problem));
        }
        if (left.status() == TableChecksum.Status.NOT_BY_TENANT
                && right.status() == TableChecksum.Status.NOT_BY_TENANT) {
            return List.of(new Line(table, "-", null, null, Result.SKIPPED, left.detail()));
        }
        Map<String, Checksum> a = left.lines();
        Map<String, Checksum> b = right.lines();
        List<Line> lines = new ArrayList<>();
        for (String tenant : tenantsThenAll(a, b)) {
            Checksum x = a.getOrDefault(tenant, Checksum.EMPTY);
            Checksum y = b.getOrDefault(tenant, Checksum.EMPTY);
            lines.add(
                    new Line(
                            table, tenant, x, y, x.equals(y) ? Result.MATCH : Result.DIFFER, null));
        }
        return lines;
    }

    /** Why the two sides cannot be compared, or null. */
    private static String problem(TableChecksum left, TableChecksum right) {
        if (left == null || right == null) {
            TableChecksum only = left == null ? right : left;
            return "only on one side (" + only.table() + " at " + only.version() + ")";
        }
        for (TableChecksum side : List.of(left, right)) {
            if (side.status() == TableChecksum.Status.MISSING) {
                return side.detail();
            }
        }
        if (left.status() != right.status()) {
            return "one side's rows name no tenant";
        }
        return null;
    }

    private static List<String> tenantsThenAll(Map<String, Checksum> a, Map<String, Checksum> b) {
        TreeSet<String> tenants = new TreeSet<>(a.keySet());
        tenants.addAll(b.keySet());
        boolean all = tenants.remove(TableChecksum.ALL);
        List<String> ordered = new ArrayList<>(tenants);
        if (all) {
            ordered.add(TableChecksum.ALL);
        }
        return ordered;
    }

    private static Map<String, TableChecksum> byName(List<TableChecksum> sums) {
        Map<String, TableChecksum> byName = new LinkedHashMap<>();
        sums.forEach(s -> byName.put(s.table().name(), s));
        return byName;
    }
}
