package io.strata.silver.extract;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What rules read while one record is extracted: the payload root ({@code $}), the current node
 * ({@code @}) and the keys of the entities extracted so far (for references).
 */
final class Scope {

    final JsonNode root;
    JsonNode current;
    final String[] keys;

    Scope(JsonNode root, int entities) {
        this.root = root;
        this.current = root;
        this.keys = new String[entities];
    }
}
