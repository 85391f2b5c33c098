package io.strata.registry.service;

import io.strata.registry.store.RegistryState;
import io.strata.registry.store.SchemaStore;
import io.strata.registry.store.SchemaVersion;
import io.strata.registry.store.StoreRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * The registry's operations with Confluent's semantics: global ids shared by equal schemas across
 * subjects, idempotent registration, per-subject versions, soft and permanent deletes, and
 * compatibility levels. Decisions that write are serialized so ids and versions never collide.
 */
public final class SchemaRegistryService {

    private final SchemaStore store;
    private final CompatibilityLevels levels;
    private final Object writeLock = new Object();
    private final Map<Integer, Schema> parsed = new ConcurrentHashMap<>();

    public SchemaRegistryService(SchemaStore store, CompatibilityLevel defaultLevel) {
        this.store = store;
        this.levels = new CompatibilityLevels(store, defaultLevel);
    }

    /** The global and per-subject compatibility levels. */
    public CompatibilityLevels levels() {
        return levels;
    }

    /** Registers a schema under a subject and returns its global id; an equal live one wins. */
    public int register(String subject, SchemaInput input) {
        Schema schema = AvroSchemas.parse(input);
        String canonical = AvroSchemas.canonical(schema);
        synchronized (writeLock) {
            Optional<SchemaVersion> existing = liveWithSchema(subject, canonical);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            List<String> problems =
                    CompatibilityChecker.check(
                            schema, earlier(live(subject)), effectiveLevel(subject));
            if (!problems.isEmpty()) {
                throw RegistryException.incompatible(subject, problems);
            }
            int id = state().idOf(canonical).orElse(state().maxId() + 1);
            SchemaVersion version =
                    new SchemaVersion(subject, nextVersion(subject), id, canonical, false);
            store.append(new StoreRecord.PutVersion(version));
            return id;
        }
    }

    /** The subject's version holding this schema: 40401 without the subject, 40403 without it. */
    public SchemaVersion lookup(String subject, SchemaInput input, boolean includeDeleted) {
        String canonical = AvroSchemas.canonical(AvroSchemas.parse(input));
        return visible(subject, includeDeleted).stream()
                .filter(v -> v.schema().equals(canonical))
                .reduce((first, second) -> second)
                .orElseThrow(RegistryException::schemaNotFound);
    }

    public String schemaById(int id) {
        return state().schemaById(id).orElseThrow(() -> RegistryException.schemaIdNotFound(id));
    }

    /** The subject versions naming the id; 40403 when the id is unknown. */
    public List<SchemaVersion> versionsById(int id, boolean includeDeleted) {
        schemaById(id);
        return state().versionsWithId(id).stream()
                .filter(v -> includeDeleted || !v.deleted())
                .toList();
    }

    public int maxId() {
        return state().maxId();
    }

    /** Subject names with a live version (or any version when includeDeleted), by prefix. */
    public List<String> subjects(String prefix, boolean includeDeleted) {
        return state().subjects().stream()
                .filter(s -> prefix == null || s.startsWith(prefix))
                .filter(s -> !visibleOrEmpty(s, includeDeleted).isEmpty())
                .toList();
    }

    /** Every schema version, for {@code GET /schemas}. */
    public List<SchemaVersion> schemas(String prefix, boolean includeDeleted, boolean latestOnly) {
        return subjects(prefix, includeDeleted).stream()
                .flatMap(
                        s -> {
                            List<SchemaVersion> all = visibleOrEmpty(s, includeDeleted);
                            return latestOnly ? all.stream().skip(all.size() - 1) : all.stream();
                        })
                .toList();
    }

    public List<Integer> versions(String subject, boolean includeDeleted) {
        return visible(subject, includeDeleted).stream().map(SchemaVersion::version).toList();
    }

    /** One version of a subject; 42202, 40401 or 40402 as Confluent answers. */
    public SchemaVersion version(String subject, String version, boolean includeDeleted) {
        VersionRef ref = VersionRef.parse(version);
        return find(visible(subject, includeDeleted), ref);
    }

    /** Soft-deletes a version, or removes a soft-deleted one for good; returns its number. */
    public int deleteVersion(String subject, String version, boolean permanent) {
        VersionRef ref = VersionRef.parse(version);
        synchronized (writeLock) {
            List<SchemaVersion> all = state().versions(subject);
            if (all.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            SchemaVersion target = find(ref.isLatest() && !permanent ? live(subject) : all, ref);
            if (!permanent && target.deleted()) {
                throw RegistryException.versionSoftDeleted(subject, target.version());
            }
            if (permanent && !target.deleted()) {
                throw RegistryException.versionNotSoftDeleted(subject, target.version());
            }
            if (permanent) {
                reserveIds();
                store.append(new StoreRecord.RemoveVersion(subject, target.version()));
            } else {
                store.append(new StoreRecord.PutVersion(target.asDeleted()));
            }
            return target.version();
        }
    }

    /** Soft-deletes every live version, or removes a soft-deleted subject for good. */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        synchronized (writeLock) {
            List<SchemaVersion> all = state().versions(subject);
            if (all.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            List<SchemaVersion> live = live(subject);
            return permanent ? removeSubject(subject, all, live) : softDelete(subject, live);
        }
    }

    private List<Integer> softDelete(String subject, List<SchemaVersion> live) {
        if (live.isEmpty()) {
            throw RegistryException.subjectSoftDeleted(subject);
        }
        live.forEach(v -> store.append(new StoreRecord.PutVersion(v.asDeleted())));
        return live.stream().map(SchemaVersion::version).toList();
    }

    private List<Integer> removeSubject(
            String subject, List<SchemaVersion> all, List<SchemaVersion> live) {
        if (!live.isEmpty()) {
            throw RegistryException.subjectNotSoftDeleted(subject);
        }
        reserveIds();
        all.forEach(v -> store.append(new StoreRecord.RemoveVersion(subject, v.version())));
        if (state().level(subject).isPresent()) {
            store.append(new StoreRecord.RemoveCompatibility(subject));
        }
        return all.stream().map(SchemaVersion::version).toList();
    }

    /**
     * Checks a schema against one version of the subject, or, with a null version, against the
     * versions the subject's level names (the latest, or all when transitive). Returns the reasons
     * it is incompatible; empty when compatible.
     */
    public List<String> checkCompatibility(String subject, String version, SchemaInput input) {
        Schema schema = AvroSchemas.parse(input);
        CompatibilityLevel level = effectiveLevel(subject);
        List<SchemaVersion> live = live(subject);
        if (version == null) {
            return CompatibilityChecker.check(schema, earlier(live), level);
        }
        VersionRef ref = VersionRef.parse(version);
        if (live.isEmpty() && ref.isLatest()) {
            return List.of();
        }
        if (live.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return CompatibilityChecker.check(schema, earlier(List.of(find(live, ref))), level);
    }

    private void reserveIds() {
        store.append(new StoreRecord.ReserveIds(state().maxId()));
    }

    private CompatibilityLevel effectiveLevel(String subject) {
        return levels.subjectLevel(subject, true);
    }

    private RegistryState state() {
        return store.state();
    }

    private List<SchemaVersion> live(String subject) {
        return visibleOrEmpty(subject, false);
    }

    private List<SchemaVersion> visibleOrEmpty(String subject, boolean includeDeleted) {
        return state().versions(subject).stream()
                .filter(v -> includeDeleted || !v.deleted())
                .toList();
    }

    private List<SchemaVersion> visible(String subject, boolean includeDeleted) {
        List<SchemaVersion> versions = visibleOrEmpty(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private Optional<SchemaVersion> liveWithSchema(String subject, String canonical) {
        return live(subject).stream().filter(v -> v.schema().equals(canonical)).findFirst();
    }

    private int nextVersion(String subject) {
        List<SchemaVersion> all = state().versions(subject);
        // Soft-deleted versions keep their numbers: a number never names two schemas.
        return all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
    }

    private static SchemaVersion find(List<SchemaVersion> versions, VersionRef ref) {
        if (versions.isEmpty()) {
            throw RegistryException.versionNotFound(ref.number());
        }
        if (ref.isLatest()) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream()
                .filter(v -> v.version() == ref.number())
                .findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(ref.number()));
    }

    private List<CompatibilityChecker.Earlier> earlier(List<SchemaVersion> versions) {
        return versions.stream()
                .map(v -> new CompatibilityChecker.Earlier(v.version(), parsedById(v)))
                .toList();
    }

    private Schema parsedById(SchemaVersion v) {
        // An id always names the same text, so its parsed form can be kept.
        return parsed.computeIfAbsent(v.id(), id -> new Schema.Parser().parse(v.schema()));
    }
}
