package io.strata.silver.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.strata.silver.config.YamlNode.Mapping;
import io.strata.silver.config.YamlNode.Scalar;
import io.strata.silver.config.YamlNode.ScalarType;
import io.strata.silver.config.YamlNode.Sequence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into {@link YamlNode}s that remember their lines. Duplicate keys are
 * reported (YAML silently keeps the last one, which hides typos in long files); aliases and merge
 * keys are not supported: the format has {@code templates} for reuse.
 */
final class YamlReader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final ConfigErrors errors;
    private final ConfigLocation file;

    private YamlReader(ConfigErrors errors, ConfigLocation file) {
        this.errors = errors;
        this.file = file;
    }

    /** The document's root, or null after reporting why it cannot be read. */
    static YamlNode read(String text, ConfigLocation file, ConfigErrors errors) {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                errors.add(file.atLine(1), "the file is empty");
                return null;
            }
            return new YamlReader(errors, file).value(p);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            errors.add(file.atLine(line), "not valid YAML: " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            errors.add(file, "cannot read: " + e.getMessage());
            return null;
        }
    }

    private YamlNode value(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> mapping(p, line);
            case START_ARRAY -> sequence(p, line);
            case VALUE_STRING -> new Scalar(p.getText(), ScalarType.STRING, line);
            case VALUE_NUMBER_INT -> new Scalar(p.getText(), ScalarType.INTEGER, line);
            case VALUE_NUMBER_FLOAT -> new Scalar(p.getText(), ScalarType.DECIMAL, line);
            case VALUE_TRUE, VALUE_FALSE -> new Scalar(p.getText(), ScalarType.BOOLEAN, line);
            case VALUE_NULL -> new Scalar(null, ScalarType.NULL, line);
            default -> new Scalar(p.getText(), ScalarType.STRING, line);
        };
    }

    private Mapping mapping(JsonParser p, int line) throws IOException {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = p.currentTokenLocation().getLineNr();
            p.nextToken();
            YamlNode v = value(p);
            if (entries.containsKey(key)) {
                errors.add(
                        file.atLine(keyLine),
                        "duplicate key '" + key + "' (first on line " + keyLines.get(key) + ")");
                continue;
            }
            entries.put(key, v);
            keyLines.put(key, keyLine);
        }
        return new Mapping(entries, keyLines, line);
    }

    private Sequence sequence(JsonParser p, int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(p));
        }
        return new Sequence(items, line);
    }
}
