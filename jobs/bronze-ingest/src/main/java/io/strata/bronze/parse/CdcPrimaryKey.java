package io.strata.bronze.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.StringJoiner;

/**
 * Reads a CDC record's primary key from its Kafka key, where the capture writes it as a JSON object
 * of the table's key columns in key order ({@code {"tenant_id":"acme","customer_id":42}}, or
 * wrapped in Kafka Connect's {@code {schema, payload}}): each table has its own key, which one
 * configured column list cannot describe. Values are joined with ':' (table:lsn:v1:v2).
 */
final class CdcPrimaryKey {

    private final JsonFactory json;

    CdcPrimaryKey(JsonFactory json) {
        this.json = json;
    }

    /** The key's values joined with ':', or null when the key is absent or not such an object. */
    String of(byte[] kafkaKey) {
        if (kafkaKey == null || kafkaKey.length == 0) {
            return null;
        }
        try (JsonParser p = json.createParser(kafkaKey)) {
            return p.nextToken() == JsonToken.START_OBJECT ? values(p, true) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String values(JsonParser p, boolean top) throws IOException {
        StringJoiner joined = new StringJoiner(":");
        int columns = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (top && name.equals("payload") && value == JsonToken.START_OBJECT) {
                return values(p, false);
            }
            if (top && name.equals("schema")) {
                p.skipChildren();
                continue;
            }
            String text = JsonValues.text(p);
            if (JsonValues.blank(text)) {
                return null;
            }
            joined.add(text);
            columns++;
        }
        return columns == 0 ? null : joined.toString();
    }
}
