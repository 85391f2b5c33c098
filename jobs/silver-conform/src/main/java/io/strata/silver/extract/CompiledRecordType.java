package io.strata.silver.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The extraction plan of one record type of one schema version: top-level entities first, then each
 * foreach group element by element, every list ordered so that referenced entities come before the
 * entities referring to them.
 */
final class CompiledRecordType {

    /** Entities that are one per element of the same array, extracted element by element. */
    record ForeachGroup(PathReader foreach, CompiledEntity[] members) {}

    /** {@code acme 1.0 sales_order}, the start of every refusal's detail. */
    final String label;

    final boolean ignore;
    private final int entityCount;
    private final CompiledEntity[] topLevel;
    private final ForeachGroup[] groups;
    private final CompiledEntity deleted;

    CompiledRecordType(
            String label,
            boolean ignore,
            int entityCount,
            List<CompiledEntity> topLevel,
            List<ForeachGroup> groups,
            CompiledEntity deleted) {
        this.label = label;
        this.ignore = ignore;
        this.entityCount = entityCount;
        this.topLevel = topLevel.toArray(new CompiledEntity[0]);
        this.groups = groups.toArray(new ForeachGroup[0]);
        this.deleted = deleted;
    }

    List<SilverRow> extract(JsonNode root, RowContext ctx) throws Tier1Failure {
        Scope s = new Scope(root, entityCount);
        List<SilverRow> rows = new ArrayList<>(8);
        for (CompiledEntity e : topLevel) {
            add(rows, e.extract(s, -1, ctx));
        }
        List<JsonNode> elements = new ArrayList<>();
        for (ForeachGroup g : groups) {
            elements.clear();
            g.foreach().all(root, root, elements);
            for (int i = 0; i < elements.size(); i++) {
                s.current = elements.get(i);
                for (CompiledEntity e : g.members()) {
                    add(rows, e.extract(s, i, ctx));
                }
            }
            s.current = root;
        }
        return rows;
    }

    List<SilverRow> delete(JsonNode root, RowContext ctx) throws Tier1Failure {
        return List.of(deleted.tombstone(new Scope(root, entityCount), ctx));
    }

    private static void add(List<SilverRow> rows, SilverRow row) {
        if (row != null) {
            rows.add(row);
        }
    }
}
