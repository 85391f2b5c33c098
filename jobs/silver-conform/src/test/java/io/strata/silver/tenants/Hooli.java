package io.strata.silver.tenants;

import io.strata.model.bronze.BronzeEvent;
import io.strata.silver.config.TenantConfigs;
import io.strata.silver.testing.BronzeEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Tenant {@code hooli}, onboarded in the tests by configuration only ({@code tenants/hooli.yaml}):
 * purchases with a buyer and items, a shape no generated tenant has.
 */
public final class Hooli {

    public static final String TENANT = "hooli";
    public static final String YAML = resource("/tenants/hooli.yaml");
    public static final String VERSION =
            TenantConfigs.parse("hooli.yaml", YAML).orThrow().get(0).configVersion();

    private Hooli() {}

    /** The validated configuration as the topic would publish it. */
    public static TenantConfigUpdate config() {
        return new TenantConfigUpdate(TENANT, "config.tenants/0@0", YAML, VERSION);
    }

    /** A purchase {@code ref} by buyer {@code handle} with two items, read at {@code offset}. */
    public static BronzeEvent purchase(String ref, String handle, Instant at, long offset) {
        return purchase("7", ref, handle, at, offset);
    }

    /** The same purchase sent as schema version {@code version}. */
    public static BronzeEvent purchase(
            String version, String ref, String handle, Instant at, long offset) {
        String payload =
                """
                {"purchase": {"ref": "%s", "at": "%s", "sum": "17.50",
                  "buyer": {"handle": "%s", "full_name": "Gavin B", "mail": " GB@Hooli.example "},
                  "items": [
                    {"n": 1, "code": "box-3", "title": "Signature box", "count": 1, "each": "12.50"},
                    {"n": 2, "code": "pin-1", "title": "Pied pin", "count": 2, "each": "2.50"}]}}
                """
                        .formatted(ref, at, handle);
        return event("purchase", version, "create", "h-" + offset, at, payload, offset);
    }

    /** The cancellation (an envelope {@code op=delete}) of purchase {@code ref}. */
    public static BronzeEvent cancel(String ref, Instant at, long offset) {
        String payload = "{\"purchase\": {\"ref\": \"%s\"}}".formatted(ref);
        return event("purchase", "7", "delete", "h-" + offset, at, payload, offset);
    }

    /** A record of {@code version} no configuration of hooli knows. */
    public static BronzeEvent ofVersion(String version, Instant at, long offset) {
        return BronzeEvents.webhook(
                TENANT,
                "commerce",
                "purchase",
                version,
                "create",
                "h-" + offset,
                at,
                envelope("purchase", version, "create", "h-" + offset, at, "{}"),
                offset);
    }

    private static BronzeEvent event(
            String type,
            String version,
            String op,
            String eventId,
            Instant at,
            String payload,
            long offset) {
        return BronzeEvents.webhook(
                TENANT,
                "commerce",
                type,
                version,
                op,
                eventId,
                at,
                envelope(type, version, op, eventId, at, payload),
                offset);
    }

    /** The configuration with schema version {@code version} read like version 7. */
    public static String withVersionLike7(String version) {
        String seven = YAML.substring(YAML.indexOf("  \"7\":"));
        return YAML + seven.replace("  \"7\":", "  \"" + version + "\":");
    }

    private static String envelope(
            String type, String version, String op, String eventId, Instant at, String payload) {
        return """
                {"tenant_id":"hooli","app":"commerce","record_type":"%s","schema_version":"%s",\
                "event_id":"%s","event_time":"%s","op":"%s","payload":%s}"""
                .formatted(type, version, eventId, at, op, payload);
    }

    private static String resource(String name) {
        try (InputStream in = Hooli.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
