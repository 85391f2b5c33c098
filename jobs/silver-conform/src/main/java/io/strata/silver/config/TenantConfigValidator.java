package io.strata.silver.config;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Cross-checks a read configuration against the canonical model: target fields exist and their
 * types fit, keys are complete, references resolve (no dangling or circular references, foreach
 * scopes agree), {@code @} is only used where it means something, and deletes know their entity.
 */
final class TenantConfigValidator {

    private final ConfigErrors errors;
    private final RuleValidator rules;

    TenantConfigValidator(ConfigErrors errors) {
        this.errors = errors;
        this.rules = new RuleValidator(errors);
    }

    void validate(TenantConfig c) {
        ConfigLocation at = ConfigLocation.ofFile(c.source()).tenant(c.tenant());
        ZoneId zone = c.zone() == null ? null : ZoneId.of(c.zone());
        c.versions()
                .forEach(
                        (version, types) ->
                                types.values()
                                        .forEach(
                                                t ->
                                                        recordType(
                                                                c,
                                                                t,
                                                                zone,
                                                                at.version(version)
                                                                        .recordType(t.name()))));
        c.cdc()
                .values()
                .forEach(
                        t ->
                                recordType(
                                        c,
                                        t,
                                        zone,
                                        at.version(TenantConfig.CDC).recordType(t.name())));
    }

    private void recordType(TenantConfig c, RecordTypeConfig t, ZoneId zone, ConfigLocation at) {
        if (t.ignore()) {
            return;
        }
        for (EntityConfig e : t.entities().values()) {
            entity(t, e, zone, at.entity(e.name()).atLine(e.line()));
        }
        new ReferenceGraph(t)
                .cycle()
                .ifPresent(
                        cycle ->
                                errors.add(
                                        at.atLine(t.line()),
                                        "circular references: " + String.join(" → ", cycle)));
        deletes(c, t, at.atLine(t.line()));
    }

    private void entity(RecordTypeConfig t, EntityConfig e, ZoneId zone, ConfigLocation at) {
        CanonicalEntity type = e.entity();
        if (e.foreach() != null && !e.foreach().startsWith("$")) {
            errors.add(at, "foreach is read from the payload root: start it with $");
        }
        if (e.context() != null && !e.isForeach() && !e.context().startsWith("$")) {
            errors.add(
                    at,
                    "context of an entity without foreach is read from the payload root: start it with $");
        }
        List<String> keyFields = type.keyFields();
        if (e.key().size() != keyFields.size()) {
            errors.add(
                    at.field("key").atLine(e.key().get(0).line()),
                    type.entityName()
                            + " is keyed by "
                            + keyFields
                            + ": key must list "
                            + keyFields.size()
                            + " rule(s), not "
                            + e.key().size());
        }
        for (int i = 0; i < Math.min(keyFields.size(), e.key().size()); i++) {
            rule(t, e, e.key().get(i), type.field(keyFields.get(i)), zone, at.field("key"));
        }
        e.fields()
                .forEach(
                        (name, rule) -> {
                            ConfigLocation f = at.field(name).atLine(rule.line());
                            CanonicalField target = type.field(name);
                            if (name.equals(CanonicalEntity.META)) {
                                errors.add(f, "meta is filled by the extractor, not by a rule");
                            } else if (target == null) {
                                errors.add(
                                        f,
                                        "unknown field '"
                                                + name
                                                + "' of "
                                                + type.entityName()
                                                + " (expected one of "
                                                + String.join(", ", contentNames(type))
                                                + ")"
                                                + YamlValues.suggestion(name, contentNames(type)));
                            } else if (keyFields.contains(name)) {
                                errors.add(
                                        f,
                                        name
                                                + " is part of the key of "
                                                + type.entityName()
                                                + ": set it in key");
                            } else {
                                rule(t, e, rule, target, zone, f);
                            }
                        });
        for (CanonicalField f : type.contentFields()) {
            if (!f.nullable() && !e.fields().containsKey(f.name())) {
                errors.add(
                        at,
                        f.name()
                                + " is not nullable in the canonical "
                                + type.entityName()
                                + ": it needs a rule");
            }
        }
    }

    private void rule(
            RecordTypeConfig t,
            EntityConfig e,
            FieldRule r,
            CanonicalField f,
            ZoneId zone,
            ConfigLocation at) {
        rules.check(r, f, e.entity().entityName(), zone, at);
        sources(t, e, r, at.atLine(r.line()));
    }

    /** Paths and references of a rule and its alternatives. */
    private void sources(RecordTypeConfig t, EntityConfig e, FieldRule r, ConfigLocation at) {
        if (r.source() instanceof FieldRule.Path p) {
            if (p.path().startsWith("@") && !e.hasCurrentNode()) {
                errors.add(
                        at,
                        "'"
                                + p.path()
                                + "': @ is the element of a foreach or the context;"
                                + " this entity has neither (use $)");
            }
        } else if (r.source() instanceof FieldRule.FirstOf f) {
            f.alternatives().forEach(a -> sources(t, e, a, at.atLine(a.line())));
        } else if (r.source() instanceof FieldRule.Ref ref) {
            reference(t, e, ref, at);
        }
    }

    private void reference(
            RecordTypeConfig t, EntityConfig from, FieldRule.Ref ref, ConfigLocation at) {
        String kind = ref.parent() ? "parent" : "ref";
        EntityConfig to = t.entities().get(ref.entity());
        if (to == null) {
            errors.add(
                    at,
                    "dangling reference: "
                            + kind
                            + " '"
                            + ref.entity()
                            + "' names no entity of "
                            + t.name()
                            + " (entities: "
                            + String.join(", ", t.entities().keySet())
                            + ")"
                            + YamlValues.suggestion(ref.entity(), t.entities().keySet()));
            return;
        }
        if (to == from) {
            errors.add(at, kind + " '" + ref.entity() + "' refers to the entity itself");
        } else if (to.key().size() != 1) {
            errors.add(
                    at,
                    kind
                            + " '"
                            + ref.entity()
                            + "' has a composite key; a reference needs a single-part key");
        } else if (to.isForeach() && !Objects.equals(to.foreach(), from.foreach())) {
            errors.add(
                    at,
                    kind
                            + " '"
                            + ref.entity()
                            + "' is one per element of "
                            + to.foreach()
                            + "; only entities of the same foreach can refer to it");
        } else if (ref.parent() && (!from.isForeach() || to.isForeach())) {
            errors.add(
                    at,
                    "parent is for an entity inside a foreach referring to its enclosing entity;"
                            + " use ref");
        } else if (ref.parent()
                && from.entity().parent() != null
                && from.entity().parent() != to.entity()) {
            errors.add(
                    at,
                    "the parent of a "
                            + from.entity().entityName()
                            + " is a "
                            + from.entity().parent().entityName()
                            + ", not a "
                            + to.entity().entityName());
        }
    }

    private void deletes(TenantConfig c, RecordTypeConfig t, ConfigLocation at) {
        if (t.deletes() == null) {
            if (c.deletedEntity(t) == null) {
                errors.add(
                        at,
                        "cannot tell which entity a delete removes: declare deletes: <one of "
                                + String.join(", ", t.entities().keySet())
                                + ">");
            }
            return;
        }
        EntityConfig e = t.entities().get(t.deletes());
        if (e == null) {
            errors.add(at, "deletes names no entity of " + t.name() + ": '" + t.deletes() + "'");
        } else if (e.isForeach()) {
            errors.add(at, "deletes names " + e.name() + ", which is one per element of a foreach");
        } else if (e.key().stream().anyMatch(k -> k.source() instanceof FieldRule.Ref)) {
            errors.add(
                    at,
                    "the key of "
                            + e.name()
                            + " uses a reference, so a delete (which carries"
                            + " only the key) cannot be read");
        }
    }

    private static Set<String> contentNames(CanonicalEntity type) {
        Set<String> names = new HashSet<>(type.fields().keySet());
        names.removeAll(type.keyFields());
        return new java.util.TreeSet<>(names);
    }

    /** References between the entities of a record type, to find cycles. */
    private record ReferenceGraph(RecordTypeConfig type) {

        java.util.Optional<List<String>> cycle() {
            Set<String> done = new HashSet<>();
            for (String start : type.entities().keySet()) {
                List<String> path = new ArrayList<>();
                if (visit(start, path, done)) {
                    return java.util.Optional.of(path);
                }
            }
            return java.util.Optional.empty();
        }

        private boolean visit(String entity, List<String> path, Set<String> done) {
            if (path.contains(entity)) {
                path.add(entity);
                path.subList(0, path.indexOf(entity)).clear();
                return true;
            }
            if (done.contains(entity) || !type.entities().containsKey(entity)) {
                return false;
            }
            path.add(entity);
            for (String next : type.entities().get(entity).references()) {
                if (visit(next, path, done)) {
                    return true;
                }
            }
            path.remove(path.size() - 1);
            done.add(entity);
            return false;
        }
    }
}
