package io.strata.silver.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;

/** Any JSONPath Jayway understands (filters, deep scans, slices), on the same Jackson tree. */
final class JaywayPath implements PathReader {

    private static final ObjectMapper MAPPER = Payloads.MAPPER;
    private static final Configuration JACKSON =
            Configuration.builder()
                    .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
                    .mappingProvider(new JacksonMappingProvider(MAPPER))
                    .options(Option.SUPPRESS_EXCEPTIONS)
                    .build();

    private final String text;
    private final JsonPath path;
    private final boolean relative;

    JaywayPath(String text) {
        this.text = text;
        this.path = JsonPath.compile(text);
        this.relative = text.startsWith("@");
    }

    /** The fast reader when the path allows it, else Jayway. */
    static PathReader compile(String text) {
        SimplePath simple = SimplePath.parse(text);
        return simple != null ? simple : new JaywayPath(text);
    }

    private Object read(JsonNode root, JsonNode current) {
        JsonNode doc = relative ? current : root;
        return doc == null ? null : path.read(doc, JACKSON);
    }

    @Override
    public JsonNode one(JsonNode root, JsonNode current) throws Tier1Failure {
        Object r = read(root, current);
        if (path.isDefinite()) {
            JsonNode n = (JsonNode) r;
            return n == null || n.isNull() ? null : n;
        }
        List<JsonNode> values = new ArrayList<>();
        if (r instanceof JsonNode array) {
            array.forEach(values::add);
        }
        return PathReader.single(values, text());
    }

    @Override
    public void all(JsonNode root, JsonNode current, List<JsonNode> out) {
        Object r = read(root, current);
        if (r instanceof JsonNode n && (n.isArray() || !path.isDefinite())) {
            n.forEach(out::add);
        } else if (r instanceof JsonNode n && !n.isNull()) {
            out.add(n);
        }
    }

    @Override
    public String text() {
        return text;
    }
}
