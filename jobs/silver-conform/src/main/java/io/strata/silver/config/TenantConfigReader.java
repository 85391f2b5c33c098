package io.strata.silver.config;

import io.strata.silver.config.YamlNode.Mapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds a located YAML tree to a {@link TenantConfig}, reporting every shape error (unknown keys,
 * wrong kinds, unknown names, invalid JSONPath, zones and patterns). Cross-checks against the
 * canonical model are {@link TenantConfigValidator}'s.
 */
final class TenantConfigReader {

    private static final Set<String> TOP =
            new LinkedHashSet<>(
                    List.of(
                            "tenant",
                            "application",
                            "description",
                            "defaults",
                            "master_data",
                            "templates",
                            "versions",
                            "cdc",
                            // quality-async's rules and thresholds; its QualitySections reads
                            // and validates them.
                            "quality"));
    private static final Set<String> ENTITY =
            new LinkedHashSet<>(
                    List.of(
                            "entity",
                            "use",
                            "description",
                            "foreach",
                            "context",
                            "optional",
                            "key",
                            "fields"));
    static final String DELETES = "deletes";
    static final String IGNORE = "ignore";

    private final YamlValues y;
    private final FieldRuleReader rules;
    private EntityTemplates templates = EntityTemplates.NONE;

    TenantConfigReader(ConfigErrors errors) {
        this.y = new YamlValues(errors);
        this.rules = new FieldRuleReader(y);
    }

    TenantConfig read(YamlNode root, ConfigLocation file, String configVersion) {
        Mapping m = y.mapping(root, file, "a tenant configuration");
        if (m == null) {
            return null;
        }
        y.checkKeys(m, TOP, file, "the tenant configuration");
        String tenant = required(m, "tenant", file);
        ConfigLocation at = file.tenant(tenant);
        String application = required(m, "application", at);
        String zone = defaults(m.get("defaults"), at);
        Set<String> master = masterData(m.get("master_data"), at);
        templates = EntityTemplates.read(m.get("templates"), at, y);
        Map<String, Map<String, RecordTypeConfig>> versions = versions(m.get("versions"), at);
        Map<String, RecordTypeConfig> cdc = cdc(m.get("cdc"), at);
        if (versions.isEmpty() && cdc.isEmpty()) {
            y.error(at, m, "the configuration declares no versions and no cdc tables");
        }
        return new TenantConfig(
                file.file(), tenant, application, zone, master, versions, cdc, configVersion);
    }

    private String required(Mapping m, String key, ConfigLocation at) {
        if (m.get(key) == null) {
            y.error(at, m, "missing '" + key + "'");
            return null;
        }
        return y.string(m.get(key), at, key);
    }

    private String defaults(YamlNode node, ConfigLocation at) {
        if (node == null) {
            return null;
        }
        Mapping m = y.mapping(node, at, "defaults");
        if (m == null) {
            return null;
        }
        y.checkKeys(m, Set.of("zone"), at, "defaults");
        return rules.zone(m.get("zone"), at);
    }

    private Set<String> masterData(YamlNode node, ConfigLocation at) {
        Set<String> out = new TreeSet<>();
        for (String name : node == null ? List.<String>of() : y.strings(node, at, "master_data")) {
            if (CanonicalEntity.byName(name) == null) {
                y.error(
                        at,
                        node,
                        FieldRuleReader.unknown("master entity", name, CanonicalEntity.names()));
            } else {
                out.add(name);
            }
        }
        return out;
    }

    private Map<String, Map<String, RecordTypeConfig>> versions(YamlNode node, ConfigLocation at) {
        Map<String, Map<String, RecordTypeConfig>> out = new LinkedHashMap<>();
        Mapping m = node == null ? null : y.mapping(node, at, "versions");
        if (m == null) {
            return out;
        }
        m.entries()
                .forEach(
                        (version, types) -> {
                            ConfigLocation v = at.version(version);
                            Mapping tm = y.mapping(types, v, "a schema version");
                            if (tm == null) {
                                return;
                            }
                            Map<String, RecordTypeConfig> byType = new LinkedHashMap<>();
                            tm.entries()
                                    .forEach(
                                            (type, spec) ->
                                                    byType.put(
                                                            type,
                                                            recordType(
                                                                    type,
                                                                    spec,
                                                                    v.recordType(type)
                                                                            .atLine(
                                                                                    tm.lineOf(
                                                                                            type)))));
                            out.put(version, byType);
                        });
        return out;
    }

    private Map<String, RecordTypeConfig> cdc(YamlNode node, ConfigLocation at) {
        Map<String, RecordTypeConfig> out = new LinkedHashMap<>();
        Mapping m = node == null ? null : y.mapping(node, at, "cdc");
        if (m == null) {
            return out;
        }
        ConfigLocation v = at.version(TenantConfig.CDC);
        m.entries()
                .forEach(
                        (table, spec) -> {
                            if (table.indexOf('.') <= 0) {
                                y.error(
                                        v.atLine(m.lineOf(table)),
                                        null,
                                        "cdc table '" + table + "' must be schema.table");
                            }
                            out.put(
                                    table,
                                    recordType(
                                            table,
                                            spec,
                                            v.recordType(table).atLine(m.lineOf(table))));
                        });
        return out;
    }

    private RecordTypeConfig recordType(String name, YamlNode node, ConfigLocation at) {
        Mapping m = y.mapping(node, at, "a record type");
        if (m == null) {
            return new RecordTypeConfig(name, false, null, Map.of(), at.line());
        }
        boolean ignore =
                m.get(IGNORE) != null && Boolean.TRUE.equals(y.bool(m.get(IGNORE), at, IGNORE));
        String deletes = m.get(DELETES) == null ? null : y.string(m.get(DELETES), at, DELETES);
        Map<String, EntityConfig> entities = new LinkedHashMap<>();
        m.entries()
                .forEach(
                        (entityName, spec) -> {
                            if (!entityName.equals(IGNORE) && !entityName.equals(DELETES)) {
                                EntityConfig e =
                                        entity(
                                                entityName,
                                                spec,
                                                at.entity(entityName).atLine(m.lineOf(entityName)));
                                if (e != null) {
                                    entities.put(entityName, e);
                                }
                            }
                        });
        if (ignore && (m.entries().size() > 1)) {
            y.errors().add(at, "an ignored record type declares nothing else");
        } else if (!ignore && m.entries().size() == (deletes == null ? 0 : 1)) {
            y.errors()
                    .add(
                            at,
                            "the record type declares no entities (write ignore: true to skip it)");
        }
        return new RecordTypeConfig(name, ignore, deletes, entities, at.line());
    }

    private EntityConfig entity(String name, YamlNode node, ConfigLocation at) {
        Mapping m = y.mapping(node, at, "an entity");
        if (m == null) {
            return null;
        }
        m = templates.apply(m, at);
        y.checkKeys(m, ENTITY, at, "an entity");
        String typeName = m.get("entity") == null ? name : y.string(m.get("entity"), at, "entity");
        CanonicalEntity type = typeName == null ? null : CanonicalEntity.byName(typeName);
        if (typeName != null && type == null) {
            y.error(
                    at,
                    m.get("entity"),
                    FieldRuleReader.unknown("entity", typeName, CanonicalEntity.names())
                            + (m.get("entity") == null
                                    ? "; name its type with entity: <type>"
                                    : ""));
        }
        String foreach = path(m.get("foreach"), at, "foreach");
        String context = path(m.get("context"), at, "context");
        boolean optional =
                m.get("optional") != null
                        && Boolean.TRUE.equals(y.bool(m.get("optional"), at, "optional"));
        List<FieldRule> key = key(m.get("key"), at, m);
        Map<String, FieldRule> fields = fields(m.get("fields"), at);
        if (type == null || key == null) {
            return null;
        }
        return new EntityConfig(name, type, foreach, context, optional, key, fields, at.line());
    }

    private String path(YamlNode node, ConfigLocation at, String what) {
        if (node == null) {
            return null;
        }
        String p = y.string(node, at, what);
        return p == null ? null : rules.checkedPath(p, node, at);
    }

    private List<FieldRule> key(YamlNode node, ConfigLocation at, Mapping entity) {
        if (node == null) {
            y.errors().add(at, "missing key");
            return null;
        }
        ConfigLocation k = at.field("key");
        List<YamlNode> parts = node instanceof YamlNode.Sequence s ? s.items() : List.of(node);
        List<FieldRule> out = new ArrayList<>();
        for (YamlNode part : parts) {
            FieldRule r = rules.read(part, k);
            if (r == null) {
                return null;
            }
            out.add(r);
        }
        return out;
    }

    private Map<String, FieldRule> fields(YamlNode node, ConfigLocation at) {
        Map<String, FieldRule> out = new LinkedHashMap<>();
        Mapping m = node == null ? null : y.mapping(node, at, "fields");
        if (m != null) {
            m.entries()
                    .forEach(
                            (field, spec) -> {
                                FieldRule r =
                                        rules.read(spec, at.field(field).atLine(m.lineOf(field)));
                                if (r != null) {
                                    out.put(field, r);
                                }
                            });
        }
        return out;
    }
}
