package io.strata.silver.config;

import io.strata.silver.config.FieldRule.Unmapped;
import io.strata.silver.config.YamlNode.Mapping;
import io.strata.silver.config.YamlNode.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a rule's value clean-up: {@code normalize}, {@code map} and {@code on_unmapped}. */
final class CleanupReader {

    private final YamlValues y;

    CleanupReader(YamlValues y) {
        this.y = y;
    }

    List<Normalizer> normalize(Mapping m, ConfigLocation at) {
        List<Normalizer> out = new ArrayList<>();
        YamlNode v = m.get("normalize");
        for (String name : v == null ? List.<String>of() : y.strings(v, at, "normalize")) {
            Normalizer n = Normalizer.byYamlName(name);
            if (n == null) {
                y.error(
                        at,
                        v,
                        FieldRuleReader.unknown("normalization", name, Normalizer.yamlNames()));
            } else {
                out.add(n);
            }
        }
        return out;
    }

    Map<String, String> map(Mapping m, ConfigLocation at) {
        YamlNode v = m.get("map");
        if (v == null) {
            return null;
        }
        Mapping map = y.mapping(v, at, "map");
        if (map == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.entries()
                .forEach(
                        (from, to) -> {
                            if (to instanceof Scalar s) {
                                out.put(from, s.isNull() ? null : s.text());
                            } else {
                                y.error(
                                        at,
                                        to,
                                        "map value of '"
                                                + from
                                                + "' must be a scalar, not "
                                                + to.kind());
                            }
                        });
        return out;
    }

    Unmapped unmapped(Mapping m, ConfigLocation at) {
        YamlNode v = m.get("on_unmapped");
        if (v instanceof Scalar s && s.isNull()) {
            return Unmapped.NULL; // on_unmapped: null
        }
        String name = v == null ? null : y.string(v, at, "on_unmapped");
        if (name == null) {
            return Unmapped.FAIL;
        }
        for (Unmapped u : Unmapped.values()) {
            if (u.name().equalsIgnoreCase(name)) {
                return u;
            }
        }
        y.error(at, v, FieldRuleReader.unknown("on_unmapped", name, "fail, keep, null"));
        return Unmapped.FAIL;
    }
}
