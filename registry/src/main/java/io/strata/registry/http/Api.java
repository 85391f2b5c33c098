package io.strata.registry.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.strata.registry.store.SchemaVersion;
import java.util.List;

/** The JSON bodies of Confluent's REST API, field names as Confluent spells them. */
final class Api {

    private Api() {}

    record IdResponse(int id) {}

    record SchemaResponse(String schema, Integer maxId) {}

    @JsonPropertyOrder({"subject", "version", "id", "schema"})
    record VersionResponse(String subject, int version, int id, String schema) {
        static VersionResponse of(SchemaVersion v) {
            return new VersionResponse(v.subject(), v.version(), v.id(), v.schema());
        }
    }

    record SubjectVersion(String subject, int version) {
        static SubjectVersion of(SchemaVersion v) {
            return new SubjectVersion(v.subject(), v.version());
        }
    }

    @JsonPropertyOrder({"is_compatible", "messages"})
    record CompatibilityResponse(
            @JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {}

    /** What {@code GET /config} answers. */
    record ConfigResponse(String compatibilityLevel) {}

    /** What {@code PUT /config} takes and answers; {@code compatibilityLevel} also accepted. */
    record ConfigUpdate(String compatibility, String compatibilityLevel) {
        String level() {
            return compatibility != null ? compatibility : compatibilityLevel;
        }
    }

    record Mode(String mode) {}

    @JsonPropertyOrder({"error_code", "message"})
    record ErrorResponse(@JsonProperty("error_code") int errorCode, String message) {}
}
