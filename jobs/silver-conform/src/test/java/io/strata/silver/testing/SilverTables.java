package io.strata.silver.testing;

import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.extract.SilverRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Silver's upsert rule applied to extracted rows, as the job will apply it: per (tenant, entity,
 * key) the row with the greatest (event time, position) wins; a tombstone wins like a row and hides
 * it; a row whose parent (an order line's order) is not live is not live.
 */
public final class SilverTables {

    private record Version(long time, long position, SilverRow row) {}

    private final Map<CanonicalEntity, Map<String, Version>> tables =
            new EnumMap<>(CanonicalEntity.class);

    public void apply(List<SilverRow> rows, long eventTime, long position) {
        for (SilverRow row : rows) {
            String key = row.meta().getTenantId() + '\u0000' + row.key();
            Map<String, Version> t = tables.computeIfAbsent(row.entity(), e -> new HashMap<>());
            Version current = t.get(key);
            if (current == null
                    || eventTime > current.time
                    || (eventTime == current.time && position > current.position)) {
                t.put(key, new Version(eventTime, position, row));
            }
        }
    }

    /** The live rows of an entity. */
    public List<SilverRow> live(CanonicalEntity entity) {
        List<SilverRow> out = new ArrayList<>();
        tables.getOrDefault(entity, Map.of())
                .values()
                .forEach(
                        v -> {
                            if (!v.row.deleted() && parentLive(v.row)) {
                                out.add(v.row);
                            }
                        });
        return out;
    }

    private boolean parentLive(SilverRow row) {
        if (row.entity().parent() == null) {
            return true;
        }
        Version parent =
                tables.getOrDefault(row.entity().parent(), Map.of())
                        .get(row.meta().getTenantId() + '\u0000' + row.parentKey());
        return parent != null && !parent.row.deleted();
    }
}
