package io.strata.workload.render;

import io.strata.model.QuarantineReason;
import io.strata.workload.util.JsonWriter;

/** The payload-level damage renderers apply, in one place so all tenants break alike. */
final class Faults {

    /** What a wrong-type field holds instead of a number, amount or time. */
    static final String NOT_A_NUMBER = "abc";

    static final String NOT_A_TIME = "not-a-date";

    private Faults() {}

    static boolean nullKey(QuarantineReason fault) {
        return fault == QuarantineReason.NULL_KEY;
    }

    static boolean wrongType(QuarantineReason fault) {
        return fault == QuarantineReason.TYPE_COERCION_FAILED;
    }

    /** Writes the document key, or null when the fault asks for a null business key. */
    static void key(JsonWriter w, String key, boolean numeric, boolean asNull) {
        if (asNull) {
            w.nullValue();
        } else if (numeric) {
            w.rawNumber(key);
        } else {
            w.string(key);
        }
    }
}
