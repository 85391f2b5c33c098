package io.strata.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.strata.registry.service.RegistryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A decoded HTTP request: path segments, query parameters, body, and matched path parameters. */
record Request(
        String method,
        List<String> path,
        Map<String, String> query,
        byte[] body,
        Map<String, String> params) {

    static Request of(String method, String rawPath, String rawQuery, byte[] body) {
        return new Request(method, segments(rawPath), parseQuery(rawQuery), body, Map.of());
    }

    Request withParams(Map<String, String> matched) {
        return new Request(method, path, query, body, Map.copyOf(matched));
    }

    String param(String name) {
        return params.get(name);
    }

    String query(String name) {
        return query.get(name);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(query.get(name));
    }

    /** The body as JSON of the given type; 422/42201 when it is not, as Confluent answers. */
    <T> T body(Class<T> type) {
        try {
            T value = Json.MAPPER.readValue(body, type);
            if (value == null) {
                throw RegistryException.invalidSchema("Empty request body");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new RegistryException(
                    422, 42201, "Unreadable JSON request body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                // In a path '+' is a plus sign, not the space form-encoding makes of it.
                segments.add(decode(segment.replace("+", "%2B")));
            }
        }
        return segments;
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            query.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
