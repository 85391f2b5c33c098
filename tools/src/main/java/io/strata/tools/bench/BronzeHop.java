package io.strata.tools.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The first hop of the chain latency, raw record → Bronze topic, to tell where the time goes:
 * bronze-ingest keys a webhook event {@code tenant|event-id} on its topic (BronzeKafkaKeys) and
 * leaves the timestamp to its producer, so each event's first Bronze record is matched to the first
 * send of its raw record by key.
 */
final class BronzeHop {

    private final Map<String, Long> sentAt = new HashMap<>();

    /** Notes a raw record's send; only the first send of an event counts. */
    void sent(String tenant, String eventId, long at) {
        if (eventId != null) {
            sentAt.putIfAbsent(tenant + "|" + eventId, at);
        }
    }

    /** Latencies of the events first sent within [{@code from}, {@code to}]. */
    Latencies read(String servers, String topic, long from, long to, Duration timeout) {
        Set<String> seen = new HashSet<>();
        long[] latencies = new long[sentAt.size()];
        int[] n = {0};
        TopicScan.read(
                servers,
                topic,
                timeout,
                r -> {
                    String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                    Long at = sentAt.get(key);
                    if (at != null
                            && at >= from
                            && at <= to
                            && seen.add(key)
                            && n[0] < latencies.length) {
                        latencies[n[0]++] = r.timestamp() - at;
                    }
                });
        return Latencies.of(Arrays.copyOf(latencies, n[0]));
    }
}
