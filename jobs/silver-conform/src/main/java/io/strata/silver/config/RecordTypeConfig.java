package io.strata.silver.config;

import java.util.Map;

/**
 * What one record type (or CDC table) of one schema version yields.
 *
 * @param ignore whether such records are accepted and deliberately produce nothing
 * @param deletes the entity a delete of this record removes (null when nothing can be deleted)
 * @param entities in declaration order
 */
public record RecordTypeConfig(
        String name,
        boolean ignore,
        String deletes,
        Map<String, EntityConfig> entities,
        int line) {}
