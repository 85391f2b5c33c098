package io.strata.registry.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's state replayed from the log: subjects and their versions, schemas by global id,
 * and compatibility levels. Written only by the log replay, read by request threads, hence the
 * coarse lock; every query returns a copy.
 */
public final class RegistryState {

    private final Map<String, NavigableMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    // How many versions name each id: an id disappears with the last version naming it.
    private final Map<Integer, Integer> idReferences = new HashMap<>();
    private final Map<String, String> subjectLevels = new HashMap<>();
    private String globalLevel;
    private int maxId;

    synchronized void putVersion(SchemaVersion version) {
        SchemaVersion previous =
                subjects.computeIfAbsent(version.subject(), s -> new TreeMap<>())
                        .put(version.version(), version);
        if (previous != null) {
            release(previous.id());
        }
        idReferences.merge(version.id(), 1, Integer::sum);
        schemasById.put(version.id(), version.schema());
        idsBySchema.putIfAbsent(version.schema(), version.id());
        maxId = Math.max(maxId, version.id());
    }

    synchronized void removeVersion(String subject, int version) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        SchemaVersion removed = versions == null ? null : versions.remove(version);
        if (removed == null) {
            return;
        }
        if (versions.isEmpty()) {
            subjects.remove(subject);
        }
        release(removed.id());
    }

    private void release(int id) {
        if (idReferences.merge(id, -1, Integer::sum) > 0) {
            return;
        }
        idReferences.remove(id);
        String schema = schemasById.remove(id);
        idsBySchema.remove(schema, id);
    }

    synchronized void reserveIds(int upTo) {
        maxId = Math.max(maxId, upTo);
    }

    synchronized void putLevel(String subject, String level) {
        if (subject == null) {
            globalLevel = level;
        } else {
            subjectLevels.put(subject, level);
        }
    }

    synchronized void removeLevel(String subject) {
        if (subject == null) {
            globalLevel = null;
        } else {
            subjectLevels.remove(subject);
        }
    }

    /** Every version of the subject, soft-deleted ones included, oldest first. */
    public synchronized List<SchemaVersion> versions(String subject) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    /** Names of all subjects that have at least one version, soft-deleted or not, sorted. */
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    /** Every version naming the id, across subjects. */
    public synchronized List<SchemaVersion> versionsWithId(int id) {
        List<SchemaVersion> result = new ArrayList<>();
        for (NavigableMap<Integer, SchemaVersion> versions : subjects.values()) {
            versions.values().stream().filter(v -> v.id() == id).forEach(result::add);
        }
        return result;
    }

    public synchronized Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The id already given to this canonical schema text, if any. */
    public synchronized Optional<Integer> idOf(String canonicalSchema) {
        return Optional.ofNullable(idsBySchema.get(canonicalSchema));
    }

    /** The highest id ever given out, deleted ones included; new schemas get a higher one. */
    public synchronized int maxId() {
        return maxId;
    }

    /** The subject's own level, or the global level when subject is null; empty when unset. */
    public synchronized Optional<String> level(String subject) {
        return Optional.ofNullable(subject == null ? globalLevel : subjectLevels.get(subject));
    }
}
