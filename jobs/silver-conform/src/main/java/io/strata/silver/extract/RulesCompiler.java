package io.strata.silver.extract;

import io.strata.model.QuarantineReason;
import io.strata.silver.config.CanonicalField;
import io.strata.silver.config.CanonicalValues;
import io.strata.silver.config.EntityConfig;
import io.strata.silver.config.FieldRule;
import io.strata.silver.config.RecordTypeConfig;
import io.strata.silver.config.TenantConfig;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Compiles the record types of a validated configuration into extraction plans. */
final class RulesCompiler {

    private final TenantConfig config;
    private final ZoneId tenantZone;

    RulesCompiler(TenantConfig config) {
        this.config = config;
        this.tenantZone = config.zone() == null ? ZoneOffset.UTC : ZoneId.of(config.zone());
    }

    CompiledRecordType compile(String version, RecordTypeConfig t) {
        String label = config.tenant() + " " + version + " " + t.name();
        if (t.ignore()) {
            return new CompiledRecordType(label, true, 0, List.of(), List.of(), null);
        }
        Map<String, Integer> indexes = new HashMap<>();
        List<EntityConfig> declared = new ArrayList<>(t.entities().values());
        declared.forEach(e -> indexes.put(e.name(), indexes.size()));
        Map<String, CompiledEntity> compiled = new HashMap<>();
        declared.forEach(e -> compiled.put(e.name(), entity(e, indexes)));

        List<CompiledEntity> topLevel = new ArrayList<>();
        Map<String, List<CompiledEntity>> byForeach = new LinkedHashMap<>();
        for (EntityConfig e : EntityOrder.sorted(declared)) {
            if (e.isForeach()) {
                byForeach
                        .computeIfAbsent(e.foreach(), f -> new ArrayList<>())
                        .add(compiled.get(e.name()));
            } else {
                topLevel.add(compiled.get(e.name()));
            }
        }
        List<CompiledRecordType.ForeachGroup> groups = new ArrayList<>();
        byForeach.forEach(
                (path, members) ->
                        groups.add(
                                new CompiledRecordType.ForeachGroup(
                                        JaywayPath.compile(path),
                                        members.toArray(new CompiledEntity[0]))));
        String deleted = config.deletedEntity(t);
        return new CompiledRecordType(
                label, false, declared.size(), topLevel, groups, compiled.get(deleted));
    }

    private CompiledEntity entity(EntityConfig e, Map<String, Integer> indexes) {
        List<CompiledRule> key = new ArrayList<>();
        List<String> keyFields = e.entity().keyFields();
        for (int i = 0; i < keyFields.size(); i++) {
            CanonicalField target = e.entity().field(keyFields.get(i));
            key.add(rule(e.key().get(i), target, true, indexes));
        }
        List<String> names = new ArrayList<>(e.fields().keySet());
        List<CompiledRule> fields = new ArrayList<>();
        names.forEach(
                n -> fields.add(rule(e.fields().get(n), e.entity().field(n), false, indexes)));
        return new CompiledEntity(
                indexes.get(e.name()),
                e.name(),
                e.entity(),
                config.isMaster(e.entity()),
                e.optional(),
                e.context() == null ? null : JaywayPath.compile(e.context()),
                key,
                names,
                fields);
    }

    private CompiledRule rule(
            FieldRule r, CanonicalField target, boolean keyPart, Map<String, Integer> indexes) {
        ZoneId zone = r.zone() == null ? tenantZone : ZoneId.of(r.zone());
        boolean required = keyPart || (r.required() != null ? r.required() : !target.nullable());
        return new CompiledRule(
                target.name() + " (" + describe(r) + ")",
                source(r, indexes),
                r.normalize(),
                r.map(),
                r.onUnmapped(),
                Coercers.forField(r, target, zone),
                r.allowed() == null ? null : new LinkedHashSet<>(r.allowed()),
                r.source() instanceof FieldRule.Const c
                        ? CanonicalValues.parse(target, c.value().text(), zone)
                        : null,
                r.defaultValue() == null
                        ? null
                        : CanonicalValues.parse(target, r.defaultValue().text(), zone),
                !required
                        ? null
                        : keyPart
                                ? QuarantineReason.NULL_KEY
                                : QuarantineReason.MISSING_REQUIRED_FIELD);
    }

    private CompiledRule.Source source(FieldRule r, Map<String, Integer> indexes) {
        if (r.source() instanceof FieldRule.Path p) {
            return CompiledRule.path(JaywayPath.compile(p.path()));
        }
        if (r.source() instanceof FieldRule.Ref ref) {
            return CompiledRule.ref(indexes.get(ref.entity()));
        }
        if (r.source() instanceof FieldRule.FirstOf f) {
            List<CompiledRule> alternatives = new ArrayList<>();
            for (FieldRule a : f.alternatives()) {
                alternatives.add(
                        new CompiledRule(
                                describe(a),
                                source(a, indexes),
                                a.normalize(),
                                a.map(),
                                a.onUnmapped(),
                                null,
                                null,
                                null,
                                null,
                                null));
            }
            return CompiledRule.firstOf(alternatives);
        }
        return s -> null; // constants never read a source
    }

    static String describe(FieldRule r) {
        if (r.source() instanceof FieldRule.Path p) {
            return p.path();
        }
        if (r.source() instanceof FieldRule.Ref ref) {
            return (ref.parent() ? "parent " : "ref ") + ref.entity();
        }
        if (r.source() instanceof FieldRule.FirstOf f) {
            List<String> parts = new ArrayList<>();
            f.alternatives().forEach(a -> parts.add(describe(a)));
            return "first_of " + String.join(", ", parts);
        }
        return "const";
    }
}
