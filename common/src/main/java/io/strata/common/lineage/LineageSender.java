package io.strata.common.lineage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs events to the endpoint. Lineage is an observer: a failed or slow endpoint is logged and the
 * event dropped, never retried into the job's way, never thrown.
 */
final class LineageSender {

    private static final Logger LOG = LoggerFactory.getLogger(LineageSender.class);

    private final LineageRun run;
    private final HttpClient http;

    LineageSender(LineageRun run) {
        this.run = run;
        this.http = HttpClient.newBuilder().connectTimeout(run.timeout()).build();
    }

    /** Sends and waits at most the configured timeout; true when the endpoint took it. */
    boolean send(ObjectNode event) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(run.url()))
                        .timeout(run.timeout())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(event.toString()));
        if (run.apiKey() != null) {
            request.header("Authorization", "Bearer " + run.apiKey());
        }
        String what = event.path("eventType").asText() + " of " + run.job();
        try {
            int status =
                    http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                LOG.warn(
                        "OpenLineage endpoint {} refused the {} event: HTTP {}",
                        run.url(),
                        what,
                        status);
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warn("Could not send the {} event to {}: {}", what, run.url(), e.toString());
            return false;
        }
    }
}
