package io.strata.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * YAML documents as plain maps and lists (SnakeYAML resolves compose's anchors and merge keys),
 * with small accessors for the nested paths the checks walk.
 */
final class YamlFiles {

    private static final Pattern ENV_PLACEHOLDER =
            Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)(:-[^}]*)?}");

    private YamlFiles() {}

    /** Every document of a (multi-document) YAML file. */
    static List<Map<String, Object>> documents(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml(new LoaderOptions()).loadAll(in)) {
                if (doc != null) {
                    docs.add(asMap(doc));
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> document(Path file) {
        List<Map<String, Object>> docs = documents(file);
        if (docs.size() != 1) {
            throw new IllegalStateException(file + " holds " + docs.size() + " documents");
        }
        return docs.get(0);
    }

    /** The value at a dotted path of map keys, or null. */
    static Object at(Map<String, Object> map, String... path) {
        Object node = map;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }

    /** The environment variables a profile needs that have no default. */
    static List<String> requiredVariables(Path profile) {
        try {
            // Values only: the file's comments explain the syntax with examples.
            String values = Files.readString(profile).replaceAll("(?m)^\\s*#.*$", "");
            Matcher m = ENV_PLACEHOLDER.matcher(values);
            List<String> names = new ArrayList<>();
            while (m.find()) {
                if (m.group(2) == null && !names.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
