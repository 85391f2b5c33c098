package io.strata.silver.config;

import io.strata.silver.config.YamlNode.Mapping;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code templates:} of a configuration: named entity blocks an entity takes with {@code use:}.
 * The template's keys come first and the entity's own keys override them; {@code fields} merge by
 * field name. Templates do not nest.
 */
final class EntityTemplates {

    static final EntityTemplates NONE = new EntityTemplates(Map.of(), null);

    private final Map<String, Mapping> templates;
    private final YamlValues y;

    private EntityTemplates(Map<String, Mapping> templates, YamlValues y) {
        this.templates = templates;
        this.y = y;
    }

    static EntityTemplates read(YamlNode node, ConfigLocation at, YamlValues y) {
        Map<String, Mapping> out = new HashMap<>();
        Mapping m = node == null ? null : y.mapping(node, at, "templates");
        if (m != null) {
            m.entries()
                    .forEach(
                            (name, t) -> {
                                Mapping tm = y.mapping(t, at.entity(name), "a template");
                                if (tm != null) {
                                    out.put(name, tm);
                                }
                            });
        }
        return new EntityTemplates(out, y);
    }

    /** The entity with its template's keys underneath, or the entity itself without {@code use}. */
    Mapping apply(Mapping entity, ConfigLocation at) {
        YamlNode use = entity.get("use");
        if (use == null) {
            return entity;
        }
        String name = y.string(use, at, "use");
        Mapping t = name == null ? null : templates.get(name);
        if (t == null) {
            if (name != null && templates.isEmpty()) {
                y.error(
                        at,
                        use,
                        "unknown template '" + name + "' (the configuration has no templates)");
            } else if (name != null) {
                y.error(
                        at,
                        use,
                        FieldRuleReader.unknown(
                                "template",
                                name,
                                String.join(", ", new TreeSet<>(templates.keySet()))));
            }
            return entity;
        }
        if (t.get("use") != null) {
            y.error(
                    at,
                    t.get("use"),
                    "template '" + name + "' uses another template; templates do not nest");
        }
        return merged(t, entity);
    }

    private static Mapping merged(Mapping template, Mapping entity) {
        Map<String, YamlNode> entries = new LinkedHashMap<>(template.entries());
        Map<String, Integer> lines = new HashMap<>(template.keyLines());
        entity.entries()
                .forEach(
                        (k, v) -> {
                            if (k.equals("fields")
                                    && v instanceof Mapping own
                                    && template.get("fields") instanceof Mapping base) {
                                Map<String, YamlNode> fields = new LinkedHashMap<>(base.entries());
                                fields.putAll(own.entries());
                                Map<String, Integer> fieldLines = new HashMap<>(base.keyLines());
                                fieldLines.putAll(own.keyLines());
                                entries.put(k, new Mapping(fields, fieldLines, own.line()));
                            } else {
                                entries.put(k, v);
                            }
                            lines.put(k, entity.lineOf(k));
                        });
        entries.remove("use");
        return new Mapping(entries, lines, entity.line());
    }
}
