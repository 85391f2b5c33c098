package io.strata.silver.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tenant's configuration, read from {@code schemas/tenants/<tenant>.yaml}.
 *
 * @param source where it was read from (a file name, or a topic for published configurations)
 * @param zone the default zone of local times, null for UTC
 * @param masterData canonical entity names that are master data (normalized by hash diff)
 * @param versions schema version → record type → what it yields
 * @param cdc CDC table ({@code schema.table}) → what its row images yield
 * @param configVersion content hash of the configuration, recorded on every Silver row
 */
public record TenantConfig(
        String source,
        String tenant,
        String application,
        String zone,
        Set<String> masterData,
        Map<String, Map<String, RecordTypeConfig>> versions,
        Map<String, RecordTypeConfig> cdc,
        String configVersion) {

    /** The schema version under which CDC record types are reported. */
    public static final String CDC = "cdc";

    public boolean isMaster(CanonicalEntity entity) {
        return masterData.contains(entity.entityName());
    }

    /**
     * The entity a delete removes: as declared, else the only top-level entity that is not master
     * data, else the only top-level entity; null when that is ambiguous.
     */
    public String deletedEntity(RecordTypeConfig t) {
        if (t.deletes() != null) {
            return t.deletes();
        }
        List<String> topLevel = new ArrayList<>();
        List<String> transactional = new ArrayList<>();
        for (EntityConfig e : t.entities().values()) {
            if (!e.isForeach()) {
                topLevel.add(e.name());
                if (!isMaster(e.entity())) {
                    transactional.add(e.name());
                }
            }
        }
        if (transactional.size() == 1) {
            return transactional.get(0);
        }
        return transactional.isEmpty() && topLevel.size() == 1 ? topLevel.get(0) : null;
    }
}
