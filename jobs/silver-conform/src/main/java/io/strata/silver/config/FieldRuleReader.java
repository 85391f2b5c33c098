package io.strata.silver.config;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import io.strata.silver.config.FieldRule.Unmapped;
import io.strata.silver.config.YamlNode.Mapping;
import io.strata.silver.config.YamlNode.Scalar;
import io.strata.silver.config.YamlNode.Sequence;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads one field rule (or key part) with every error it has. */
final class FieldRuleReader {

    static final Set<String> SOURCES = Set.of("path", "first_of", "const", "ref", "parent");

    private static final Set<String> KEYS =
            new LinkedHashSet<>(
                    List.of(
                            "path",
                            "first_of",
                            "const",
                            "ref",
                            "parent",
                            "type",
                            "format",
                            "pattern",
                            "zone",
                            "scale",
                            "minor_units",
                            "rounding",
                            "normalize",
                            "map",
                            "on_unmapped",
                            "enum",
                            "default",
                            "required"));

    /** Inside first_of only the value's source and clean-up; coercion is the outer rule's. */
    private static final Set<String> ALTERNATIVE_KEYS =
            new LinkedHashSet<>(
                    List.of("path", "first_of", "ref", "normalize", "map", "on_unmapped"));

    private final YamlValues y;
    private final CleanupReader cleanup;

    FieldRuleReader(YamlValues y) {
        this.y = y;
        this.cleanup = new CleanupReader(y);
    }

    /** The rule, or null when it is too broken to use (errors are reported). */
    FieldRule read(YamlNode node, ConfigLocation at) {
        return read(node, at, false);
    }

    private FieldRule read(YamlNode node, ConfigLocation at, boolean alternative) {
        if (node instanceof Scalar s && !s.isNull()) {
            String path = checkedPath(s.text(), s, at);
            return path == null ? null : FieldRule.path(path, s.line());
        }
        Mapping m = y.mapping(node, at, "a rule (a JSONPath string or a map)");
        if (m == null) {
            return null;
        }
        ConfigLocation here = at.atLine(m.line());
        y.checkKeys(m, alternative ? ALTERNATIVE_KEYS : KEYS, here, "a rule");
        FieldRule.Source source = source(m, here);
        Unmapped unmapped = cleanup.unmapped(m, here);
        FieldRule rule =
                new FieldRule(
                        source,
                        type(m, here),
                        format(m, here),
                        pattern(m, here),
                        zone(m.get("zone"), here),
                        m.get("scale") == null ? null : y.integer(m.get("scale"), here, "scale"),
                        m.get("minor_units") != null
                                && Boolean.TRUE.equals(
                                        y.bool(m.get("minor_units"), here, "minor_units")),
                        rounding(m, here),
                        cleanup.normalize(m, here),
                        cleanup.map(m, here),
                        unmapped,
                        m.get("enum") == null ? null : y.strings(m.get("enum"), here, "enum"),
                        defaultValue(m, here),
                        m.get("required") == null
                                ? null
                                : y.bool(m.get("required"), here, "required"),
                        m.line());
        return source == null ? null : rule;
    }

    private FieldRule.Source source(Mapping m, ConfigLocation at) {
        List<String> given = new ArrayList<>();
        for (String k : m.entries().keySet()) {
            if (SOURCES.contains(k)) {
                given.add(k);
            }
        }
        if (given.size() != 1) {
            y.error(
                    at,
                    m,
                    given.isEmpty()
                            ? "the rule has no source (one of path, first_of, const, ref, parent)"
                            : "the rule has more than one source: " + String.join(", ", given));
            return null;
        }
        YamlNode v = m.get(given.get(0));
        return switch (given.get(0)) {
            case "path" -> {
                String p = y.string(v, at, "path");
                p = p == null ? null : checkedPath(p, v, at);
                yield p == null ? null : new FieldRule.Path(p);
            }
            case "first_of" -> firstOf(v, at);
            case "const" ->
                    v instanceof Scalar s
                            ? new FieldRule.Const(s)
                            : fail(at, v, "const must be a scalar, not " + YamlValues.kindOf(v));
            case "ref" -> ref(v, at, false);
            default -> ref(v, at, true);
        };
    }

    private FieldRule.Source ref(YamlNode v, ConfigLocation at, boolean parent) {
        String entity = y.string(v, at, parent ? "parent" : "ref");
        return entity == null ? null : new FieldRule.Ref(entity, parent);
    }

    private FieldRule.Source firstOf(YamlNode v, ConfigLocation at) {
        if (!(v instanceof Sequence seq) || seq.items().size() < 2) {
            return fail(at, v, "first_of must be a list of at least two rules");
        }
        List<FieldRule> alternatives = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            FieldRule r = read(seq.items().get(i), at, true);
            if (r == null) {
                return null;
            }
            alternatives.add(r);
        }
        return new FieldRule.FirstOf(alternatives);
    }

    /** The path if it is a JSONPath that compiles; else null after an error. */
    String checkedPath(String path, YamlNode node, ConfigLocation at) {
        if (!path.startsWith("$") && !path.startsWith("@")) {
            y.error(
                    at,
                    node,
                    "'"
                            + path
                            + "' is not a JSONPath (it must start with $ or @); constants are"
                            + " written {const: ...}");
            return null;
        }
        try {
            JsonPath.compile(path);
            return path;
        } catch (InvalidPathException | IllegalArgumentException e) {
            y.error(at, node, "invalid JSONPath '" + path + "': " + e.getMessage());
            return null;
        }
    }

    private ValueType type(Mapping m, ConfigLocation at) {
        YamlNode v = m.get("type");
        if (v == null) {
            return null;
        }
        String name = y.string(v, at, "type");
        ValueType t = name == null ? null : ValueType.byYamlName(name);
        if (name != null && t == null) {
            y.error(at, v, unknown("coercion", name, ValueType.yamlNames()));
        }
        return t;
    }

    private TimeFormat format(Mapping m, ConfigLocation at) {
        if (m.get("pattern") != null) {
            if (m.get("format") != null) {
                y.error(at, m.get("format"), "give either format or pattern, not both");
            }
            return TimeFormat.PATTERN;
        }
        YamlNode v = m.get("format");
        String name = v == null ? null : y.string(v, at, "format");
        TimeFormat f = name == null ? null : TimeFormat.byYamlName(name);
        if (name != null && f == null) {
            y.error(at, v, unknown("time format", name, TimeFormat.yamlNames() + ", or a pattern"));
        }
        return f;
    }

    private String pattern(Mapping m, ConfigLocation at) {
        YamlNode v = m.get("pattern");
        String p = v == null ? null : y.string(v, at, "pattern");
        if (p != null) {
            try {
                DateTimeFormatter.ofPattern(p, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                y.error(at, v, "invalid time pattern '" + p + "': " + e.getMessage());
                return null;
            }
        }
        return p;
    }

    /** A zone id such as Asia/Tokyo or +09:00; null after an error. */
    String zone(YamlNode v, ConfigLocation at) {
        String z = v == null ? null : y.string(v, at, "zone");
        if (z != null) {
            try {
                ZoneId.of(z);
            } catch (DateTimeException e) {
                y.error(at, v, "unknown zone '" + z + "' (e.g. UTC, Europe/Berlin, +09:00)");
                return null;
            }
        }
        return z;
    }

    private RoundingMode rounding(Mapping m, ConfigLocation at) {
        YamlNode v = m.get("rounding");
        String name = v == null ? null : y.string(v, at, "rounding");
        if (name == null) {
            return null;
        }
        for (RoundingMode r : RoundingMode.values()) {
            if (r != RoundingMode.UNNECESSARY && r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        y.error(
                at,
                v,
                unknown(
                        "rounding",
                        name,
                        "half_up, half_even, half_down, up, down, ceiling, floor"));
        return null;
    }

    private Scalar defaultValue(Mapping m, ConfigLocation at) {
        YamlNode v = m.get("default");
        if (v == null) {
            return null;
        }
        if (v instanceof Scalar s && !s.isNull()) {
            return s;
        }
        y.error(at, v, "default must be a non-null scalar, not " + YamlValues.kindOf(v));
        return null;
    }

    private <T> T fail(ConfigLocation at, YamlNode v, String message) {
        y.error(at, v, message);
        return null;
    }

    static String unknown(String what, String name, String expected) {
        return "unknown "
                + what
                + " '"
                + name
                + "' (expected one of "
                + expected
                + ")"
                + YamlValues.suggestion(name, List.of(expected.split(", ")));
    }
}
