package io.strata.registry.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.strata.registry.service.RegistryException;
import io.strata.registry.service.SchemaRegistryService;
import io.strata.registry.store.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves Confluent's REST API on the JDK's HTTP server, errors as Confluent's error JSON. */
public final class RegistryHttpHandler implements HttpHandler {

    /** The media type Confluent's registry answers with; requests may also use JSON. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);

    private final Router router;

    public RegistryHttpHandler(SchemaRegistryService registry) {
        this.router = RegistryRoutes.router(registry);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply = answer(exchange);
            byte[] body = body(reply);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Answers a request given as its parts; what {@link #handle} does minus the socket. */
    Reply answer(String method, String rawPath, String rawQuery, byte[] body) {
        try {
            return router.dispatch(Request.of(method, rawPath, rawQuery, body));
        } catch (RegistryException e) {
            return Reply.error(e.status(), e.errorCode(), e.getMessage());
        } catch (StoreException e) {
            LOG.warn("Store error on {} {}", method, rawPath, e);
            return Reply.error(500, 50001, "Error in the backend data store: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Failed {} {}", method, rawPath, e);
            return Reply.error(500, 500, "Internal Server Error: " + e);
        }
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        return answer(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                body);
    }

    private static byte[] body(Reply reply) throws IOException {
        if (reply.raw()) {
            return ((String) reply.body()).getBytes(StandardCharsets.UTF_8);
        }
        return Json.MAPPER.writeValueAsBytes(reply.body());
    }
}
