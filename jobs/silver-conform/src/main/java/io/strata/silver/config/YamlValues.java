package io.strata.silver.config;

import io.strata.silver.config.YamlNode.Mapping;
import io.strata.silver.config.YamlNode.Scalar;
import io.strata.silver.config.YamlNode.ScalarType;
import io.strata.silver.config.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Typed reads of {@link YamlNode}s that report a located error instead of throwing. */
final class YamlValues {

    private final ConfigErrors errors;

    YamlValues(ConfigErrors errors) {
        this.errors = errors;
    }

    ConfigErrors errors() {
        return errors;
    }

    void error(ConfigLocation where, YamlNode node, String message) {
        errors.add(node == null ? where : where.atLine(node.line()), message);
    }

    /** The node as a mapping, or null after an error naming what it should be. */
    Mapping mapping(YamlNode node, ConfigLocation where, String what) {
        if (node instanceof Mapping m) {
            return m;
        }
        error(where, node, what + " must be a map, not " + kindOf(node));
        return null;
    }

    /** A non-blank string scalar (numbers are taken as written), or null after an error. */
    String string(YamlNode node, ConfigLocation where, String what) {
        if (node instanceof Scalar s && !s.isNull() && s.type() != ScalarType.BOOLEAN) {
            if (!s.text().isBlank()) {
                return s.text();
            }
        }
        error(where, node, what + " must be a non-empty string, not " + kindOf(node));
        return null;
    }

    Boolean bool(YamlNode node, ConfigLocation where, String what) {
        if (node instanceof Scalar s && s.type() == ScalarType.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        error(where, node, what + " must be true or false, not " + kindOf(node));
        return null;
    }

    Integer integer(YamlNode node, ConfigLocation where, String what) {
        if (node instanceof Scalar s && s.type() == ScalarType.INTEGER) {
            try {
                return Integer.parseInt(s.text());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(where, node, what + " must be an integer, not " + kindOf(node));
        return null;
    }

    /** A list of strings; a single string counts as a list of one. */
    List<String> strings(YamlNode node, ConfigLocation where, String what) {
        List<YamlNode> items =
                node instanceof Sequence seq
                        ? seq.items()
                        : node == null ? List.of() : List.of(node);
        List<String> out = new ArrayList<>();
        for (YamlNode item : items) {
            String s = string(item, where, what + " items");
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Reports every key of {@code m} that is not in {@code allowed}. */
    void checkKeys(Mapping m, Set<String> allowed, ConfigLocation where, String what) {
        for (String key : m.entries().keySet()) {
            if (!allowed.contains(key)) {
                errors.add(
                        where.atLine(m.lineOf(key)),
                        "unknown key '"
                                + key
                                + "' in "
                                + what
                                + " (expected one of "
                                + String.join(", ", allowed)
                                + ")"
                                + suggestion(key, allowed));
            }
        }
    }

    static String kindOf(YamlNode node) {
        return node == null ? "nothing" : node.kind();
    }

    /** "; did you mean 'x'?" for a near miss, else empty. */
    static String suggestion(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = distance(given, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
