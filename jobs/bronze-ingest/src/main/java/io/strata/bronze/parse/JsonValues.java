package io.strata.bronze.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Reads the scalar a streaming parser stands on; nested values are skipped. */
final class JsonValues {

    private JsonValues() {}

    /** The text of a string or number, null for null, true/false, objects and arrays. */
    static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING
                || t == JsonToken.VALUE_NUMBER_INT
                || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** The value of an integral number, null otherwise. */
    static Long integer(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        p.skipChildren();
        return null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
