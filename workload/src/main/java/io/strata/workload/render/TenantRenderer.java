package io.strata.workload.render;

import io.strata.model.QuarantineReason;
import io.strata.workload.truth.TruthEvent;
import io.strata.workload.util.JsonWriter;

/**
 * Renders truth events into one tenant's payload shape for one schema version: the simulated
 * outside world, so it is code here and configuration in Strata. Rendering is lossless: every
 * canonical value can be recovered exactly from the payload (given the tenant's declared formats,
 * zones and value maps).
 */
public interface TenantRenderer {

    String tenantId();

    String schemaVersion();

    /**
     * Writes the members of the (already opened) payload object. {@code fault} is null for a valid
     * record, or {@link QuarantineReason#NULL_KEY} / {@link QuarantineReason#TYPE_COERCION_FAILED}
     * for the payload-level damage this tenant renders.
     */
    void writePayload(JsonWriter w, TruthEvent event, QuarantineReason fault);
}
