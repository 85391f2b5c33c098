package io.strata.registry.service;

import io.strata.registry.store.SchemaStore;
import io.strata.registry.store.StoreRecord;
import java.util.Optional;

/**
 * The compatibility levels in force: a subject's own, else the global one, else the configured
 * default. Changes go through the store like every other change.
 */
public final class CompatibilityLevels {

    private final SchemaStore store;
    private final CompatibilityLevel defaultLevel;

    CompatibilityLevels(SchemaStore store, CompatibilityLevel defaultLevel) {
        this.store = store;
        this.defaultLevel = defaultLevel;
    }

    public CompatibilityLevel global() {
        return stored(null).orElse(defaultLevel);
    }

    public CompatibilityLevel setGlobal(String level) {
        return put(null, CompatibilityLevel.parse(level));
    }

    /** Returns the global level to the configured default; answers the level it replaced. */
    public synchronized CompatibilityLevel resetGlobal() {
        CompatibilityLevel previous = global();
        store.append(new StoreRecord.RemoveCompatibility(null));
        return previous;
    }

    /** The subject's own level; the global one instead only when {@code defaultToGlobal}. */
    public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> own = stored(subject);
        if (own.isEmpty() && !defaultToGlobal) {
            throw RegistryException.subjectLevelNotConfigured(subject);
        }
        return own.orElseGet(this::global);
    }

    public CompatibilityLevel setSubjectLevel(String subject, String level) {
        return put(subject, CompatibilityLevel.parse(level));
    }

    /** Removes the subject's own level, so the global one applies; answers the removed one. */
    public synchronized CompatibilityLevel deleteSubjectLevel(String subject) {
        CompatibilityLevel previous = subjectLevel(subject, false);
        store.append(new StoreRecord.RemoveCompatibility(subject));
        return previous;
    }

    private synchronized CompatibilityLevel put(String subject, CompatibilityLevel level) {
        store.append(new StoreRecord.PutCompatibility(subject, level.name()));
        return level;
    }

    private Optional<CompatibilityLevel> stored(String subject) {
        return store.state().level(subject).map(CompatibilityLevel::parse);
    }
}
