package io.strata.tools.analysts;

import io.strata.model.Layer;
import io.strata.model.QuarantineReason;
import io.strata.model.SourceCoordinates;
import io.strata.model.SourceKind;
import io.strata.model.ops.QuarantineRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refusals in every layer's quarantine table: acme's of today in Bronze, Silver and Gold, next to
 * acme's of yesterday, another tenant's and an unattributed one of today. Silver's and Gold's also
 * go to their quarantine topics, as the jobs write both.
 */
final class QuarantineReasonsToday implements DocQuery {

    private final Today today;
    private final List<QuarantineRecord> bronze = new ArrayList<>();
    private final List<QuarantineRecord> silver = new ArrayList<>();
    private final List<QuarantineRecord> gold = new ArrayList<>();

    QuarantineReasonsToday(Today today) {
        this.today = today;
        bronze.add(refused(Layer.BRONZE, "acme", QuarantineReason.INVALID_JSON, today.today(2)));
        bronze.add(refused(Layer.BRONZE, "acme", QuarantineReason.INVALID_JSON, today.today(7)));
        bronze.add(
                refused(
                        Layer.BRONZE,
                        "acme",
                        QuarantineReason.OVERSIZED_PAYLOAD,
                        today.yesterday()));
        bronze.add(refused(Layer.BRONZE, "globex", QuarantineReason.INVALID_JSON, today.today(3)));
        bronze.add(refused(Layer.BRONZE, null, QuarantineReason.MISSING_TENANT, today.today(4)));
        silver.add(refused(Layer.SILVER, "acme", QuarantineReason.NULL_KEY, today.today(1)));
        silver.add(refused(Layer.SILVER, "acme", QuarantineReason.NULL_KEY, today.today(8)));
        silver.add(refused(Layer.SILVER, "acme", QuarantineReason.NULL_KEY, today.today(5)));
        silver.add(
                refused(
                        Layer.SILVER,
                        "acme",
                        QuarantineReason.UNKNOWN_SCHEMA_VERSION,
                        today.today(6)));
        gold.add(
                refused(
                        Layer.GOLD,
                        "acme",
                        QuarantineReason.LATE_BEYOND_TOLERANCE,
                        today.today(9)));
    }

    @Override
    public String heading() {
        return "A tenant's quarantine reasons today";
    }

    @Override
    public void write(IcebergWriter iceberg) {
        iceberg.append(iceberg.createQuarantine("bronze.quarantine"), bronze);
        iceberg.append(iceberg.createQuarantine("silver.quarantine"), silver);
        iceberg.append(iceberg.createQuarantine("gold.quarantine"), gold);
        iceberg.createQuarantine("ops.quarantine");
    }

    @Override
    public void send(TopicWriter kafka) {
        silver.forEach(r -> kafka.send("silver.quarantine", r.getTenantId(), r));
        gold.forEach(r -> kafka.send("gold.quarantine", r.getTenantId(), r));
    }

    @Override
    public Expected expected(Map<String, Long> sent) {
        return new Expected(
                List.of("layer", "reason", "records", "last_quarantined_at"),
                List.of(
                        row("SILVER", "NULL_KEY", 3, today.today(8)),
                        row("BRONZE", "INVALID_JSON", 2, today.today(7)),
                        row("GOLD", "LATE_BEYOND_TOLERANCE", 1, today.today(9)),
                        row("SILVER", "UNKNOWN_SCHEMA_VERSION", 1, today.today(6))),
                true);
    }

    private static List<String> row(String layer, String reason, int records, Instant last) {
        return List.of(layer, reason, Integer.toString(records), Printed.micros(last));
    }

    private static QuarantineRecord refused(
            Layer layer, String tenant, QuarantineReason reason, Instant at) {
        byte[] raw = ("{\"refused\": \"" + reason + "\"}").getBytes(StandardCharsets.UTF_8);
        return QuarantineRecord.newBuilder()
                .setLayer(layer)
                .setJob(layer.name().toLowerCase(java.util.Locale.ROOT) + "-job")
                .setReason(reason)
                .setReasonDetail("refused for " + reason)
                .setTenantId(tenant)
                .setSource(
                        SourceCoordinates.newBuilder()
                                .setKind(SourceKind.WEBHOOK)
                                .setTopic("raw.webhooks")
                                .setPartition(0)
                                .setOffset(at.toEpochMilli() % 1000)
                                .build())
                .setRaw(ByteBuffer.wrap(raw))
                .setRawSha256("sha-" + reason)
                .setQuarantinedAt(at)
                .build();
    }
}
