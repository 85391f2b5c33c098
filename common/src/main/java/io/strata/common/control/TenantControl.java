package io.strata.common.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One record of the tenant control topic: key = tenant id, value = {@code {"state": "PAUSED",
 * "requested_at": "2026-11-21T09:30:00Z", "requested_by": "ops", "reason": "..."}} (the last two
 * optional). A Flink POJO: it is broadcast state and travels between operators.
 */
public class TenantControl implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    public String tenant;
    public TenantState state;

    /** When the operator asked, epoch millis. */
    public long requestedAt;

    /** Who asked, or null. */
    public String requestedBy;

    /** Why, or null. */
    public String reason;

    public TenantControl() {}

    public TenantControl(
            String tenant,
            TenantState state,
            Instant requestedAt,
            String requestedBy,
            String reason) {
        this.tenant = tenant;
        this.state = state;
        this.requestedAt = requestedAt.toEpochMilli();
        this.requestedBy = requestedBy;
        this.reason = reason;
    }

    public boolean isPaused() {
        return state == TenantState.PAUSED;
    }

    /** The record's value as JSON (UTF-8). */
    public byte[] toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("state", state.name());
        node.put("requested_at", Instant.ofEpochMilli(requestedAt).toString());
        if (requestedBy != null) {
            node.put("requested_by", requestedBy);
        }
        if (reason != null) {
            node.put("reason", reason);
        }
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The control of {@code tenant} a record's value says; a null value (the tenant's entry removed
     * by compaction tooling) means active.
     *
     * @throws IllegalArgumentException with a readable message when the value is not a control
     */
    public static TenantControl fromJson(String tenant, byte[] value) {
        if (value == null) {
            return new TenantControl(tenant, TenantState.ACTIVE, Instant.EPOCH, null, null);
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject() || !node.path("state").isTextual()) {
            throw new IllegalArgumentException("expected an object with a \"state\" field");
        }
        TenantState state;
        try {
            state = TenantState.valueOf(node.get("state").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "state must be PAUSED or ACTIVE, got " + node.get("state"), e);
        }
        Instant at =
                node.path("requested_at").isTextual()
                        ? Instant.parse(node.get("requested_at").asText())
                        : Instant.EPOCH;
        return new TenantControl(
                tenant, state, at, text(node, "requested_by"), text(node, "reason"));
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantControl c
                && Objects.equals(c.tenant, tenant)
                && c.state == state
                && c.requestedAt == requestedAt
                && Objects.equals(c.requestedBy, requestedBy)
                && Objects.equals(c.reason, reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, state, requestedAt);
    }

    @Override
    public String toString() {
        return tenant
                + " "
                + state
                + " at "
                + Instant.ofEpochMilli(requestedAt)
                + (requestedBy == null ? "" : " by " + requestedBy)
                + (reason == null ? "" : " (" + reason + ")");
    }
}
