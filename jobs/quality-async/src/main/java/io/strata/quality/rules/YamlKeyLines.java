package io.strata.quality.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line of every mapping key of a YAML document, by its dotted path ({@code quality.volume.k}):
 * what locates an error in the tree Jackson reads without positions. Keys inside sequences are not
 * listed; their errors point at the sequence's key.
 */
final class YamlKeyLines {

    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlKeyLines() {}

    static Map<String, Integer> of(String yaml) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        // The open containers, each named by the path of its key; null inside a sequence.
        List<String> open = new ArrayList<>();
        String key = null;
        try (JsonParser p = YAML.createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                String here = open.isEmpty() ? "" : open.get(open.size() - 1);
                switch (t) {
                    case FIELD_NAME -> {
                        key =
                                here == null
                                        ? null
                                        : (here.isEmpty() ? "" : here + ".") + p.currentName();
                        if (key != null) {
                            lines.putIfAbsent(key, p.currentTokenLocation().getLineNr());
                        }
                    }
                    case START_OBJECT -> open.add(open.isEmpty() ? "" : here == null ? null : key);
                    case START_ARRAY -> open.add(null);
                    case END_OBJECT, END_ARRAY -> open.remove(open.size() - 1);
                    default -> {}
                }
            }
        }
        return lines;
    }
}
