package io.strata.bronze.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.strata.model.QuarantineReason;
import java.io.IOException;

/**
 * The limits the streaming pass enforces beyond well-formedness, and the reason each broken limit
 * gets: a nesting bomb and an object with a duplicate key are well-formed JSON, but the first would
 * cost a later layer a deep recursion, and the second is ambiguous (which {@code tenant_id}
 * counts?), so neither may reach Bronze.
 */
final class JsonLimits {

    // Jackson's own DupDetector message (JsonReadContext), stable since 2.3.
    private static final String DUPLICATE_FIELD = "Duplicate field '";

    private JsonLimits() {}

    static JsonFactory factory(int maxNestingDepth) {
        return JsonFactory.builder()
                .streamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * The refusal for a pass that broke off with {@code e}, attributed to {@code tenantRead} (the
     * tenant read before the break) unless the break is a duplicate key: then the tenant read may
     * be the first of two, and the record is left to its Kafka key.
     */
    static Refusal refusal(IOException e, String tenantRead) {
        Refusal refusal = reasonOf(e);
        return refusal.reason() == QuarantineReason.DUPLICATE_JSON_KEY
                ? refusal
                : refusal.withTenant(tenantRead);
    }

    private static Refusal reasonOf(IOException e) {
        String message =
                e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (e instanceof StreamConstraintsException && message.contains("nesting depth")) {
            return Refusal.of(QuarantineReason.NESTING_TOO_DEEP, message);
        }
        if (message != null && message.startsWith(DUPLICATE_FIELD)) {
            return Refusal.of(QuarantineReason.DUPLICATE_JSON_KEY, "Ambiguous JSON: " + message);
        }
        if (e instanceof InputCoercionException) {
            return Refusal.of(QuarantineReason.TYPE_COERCION_FAILED, message);
        }
        return Refusal.of(QuarantineReason.INVALID_JSON, "Invalid JSON: " + message);
    }
}
