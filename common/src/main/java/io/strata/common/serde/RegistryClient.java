package io.strata.common.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A small client of a Confluent-compatible schema registry: registers and looks up schemas by
 * subject and resolves ids, caching both ways since ids never change meaning. Thread-safe.
 */
public final class RegistryClient {

    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> urls;
    private final RegistryClientConfig config;
    private final HttpClient http;
    private final String authorization;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    public RegistryClient(RegistryClientConfig config) {
        this.config = config;
        this.urls =
                List.of(config.url().split(",")).stream()
                        .map(u -> u.trim().replaceAll("/+$", ""))
                        .toList();
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.authorization =
                config.basicAuthUserInfo() == null
                        ? null
                        : "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                config.basicAuthUserInfo()
                                                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Registers the schema under the subject (idempotent) and returns its global id. */
    public int register(String subject, Schema schema) {
        return cachedId(subject, schema, "/subjects/" + encode(subject) + "/versions");
    }

    /** The id of a schema already registered under the subject; 404 error when it is not. */
    public int lookup(String subject, Schema schema) {
        return cachedId(subject, schema, "/subjects/" + encode(subject));
    }

    /** The schema with this global id. */
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode reply = send("/schemas/ids/" + id, null);
        // A fresh parser per schema: one parser refuses a second definition of a named type.
        Schema schema = new Schema.Parser().parse(reply.path("schema").asText());
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    private int cachedId(String subject, Schema schema, String path) {
        Map<Schema, Integer> ids =
                idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
        int id = send(path, body).path("id").asInt();
        ids.putIfAbsent(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /** GETs (null body) or POSTs to each URL in turn until one answers. */
    private JsonNode send(String path, String body) {
        IOException lastFailure = null;
        for (String url : urls) {
            try {
                return answer(http.send(request(url + path, body), BodyHandlers.ofString()));
            } catch (ConnectException e) {
                // This instance is down; another one in the list may answer.
                lastFailure = e;
            } catch (IOException e) {
                throw unreachable(path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryClientException(0, 0, "Interrupted calling the registry", e);
            }
        }
        throw unreachable(path, lastFailure);
    }

    private HttpRequest request(String uri, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(uri))
                        .timeout(config.timeout())
                        .header("Accept", MEDIA_TYPE);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            return request.GET().build();
        }
        return request.header("Content-Type", MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private RegistryClientException unreachable(String path, IOException cause) {
        return new RegistryClientException(
                0, 0, "Schema registry " + config.url() + " unreachable for " + path, cause);
    }

    private static JsonNode answer(HttpResponse<String> response) throws IOException {
        JsonNode body = parse(response.body());
        if (response.statusCode() == 200) {
            return body;
        }
        String message = body.path("message").asText(response.body());
        throw new RegistryClientException(
                response.statusCode(),
                body.path("error_code").asInt(0),
                "Schema registry answered " + response.statusCode() + ": " + message,
                null);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
