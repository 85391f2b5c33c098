package io.strata.silver.reprocess;

import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.model.QuarantineReason;
import io.strata.model.bronze.BronzeEvent;
import io.strata.silver.SilverConformOptions;
import io.strata.silver.bronzetable.BronzeTableRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Sends a tenant's refused Bronze events through Silver again after its configuration changed: the
 * latest refusal of each event in {@code silver.quarantine} whose reason a configuration can cure
 * and whose configuration version is not the one now in force; the event itself is read back from
 * Bronze's Iceberg table (matched by event id and checksum) and written to the reprocess topic
 * silver-conform reads. An event already sent under the version in force is not sent again, so
 * running it twice changes nothing.
 */
public final class QuarantineReprocessor {

    /** What one run found and did, per reason. */
    public record Report(
            String tenant,
            String configVersion,
            Map<QuarantineReason, Long> refused,
            Map<QuarantineReason, Long> sent,
            long notFixable,
            long alreadySent,
            long refusedUnderCurrentConfig,
            long missingInBronze) {

        public long sentTotal() {
            return sent.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final ReadableConfig config;

    public QuarantineReprocessor(ReadableConfig config) {
        this.config = config;
    }

    /**
     * Reprocesses {@code tenant}'s cured refusals; with {@code dryRun} only counts them.
     *
     * @throws IllegalStateException when the tenant has no configuration in force
     */
    public Report run(String tenant, boolean dryRun) {
        String version =
                TenantConfigVersions.current(config, tenant)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "tenant '"
                                                        + tenant
                                                        + "' has no configuration in force;"
                                                        + " publish one first (./strata tenants"
                                                        + " publish)"));
        Catalog catalog = IcebergCatalogs.load(config);
        Map<String, Refusal> latest =
                latestRefusals(
                        catalog.loadTable(
                                TableIdentifier.parse(
                                        config.get(SilverConformOptions.ICEBERG_QUARANTINE_TABLE))),
                        tenant);
        Map<QuarantineReason, Long> refused = new EnumMap<>(QuarantineReason.class);
        Map<QuarantineReason, Long> sent = new EnumMap<>(QuarantineReason.class);
        long notFixable = 0;
        long underCurrent = 0;
        long alreadySent = 0;
        try (ReprocessTopic topic = new ReprocessTopic(config)) {
            Map<String, String> sentBefore = topic.sentVersions(tenant);
            Map<String, Refusal> candidates = new HashMap<>();
            for (Refusal r : latest.values()) {
                refused.merge(r.reason(), 1L, Long::sum);
                if (!r.fixable()) {
                    notFixable++;
                } else if (version.equals(r.configVersion())) {
                    underCurrent++;
                } else if (version.equals(sentBefore.get(r.eventId()))) {
                    alreadySent++;
                } else {
                    candidates.put(r.eventId(), r);
                }
            }
            Map<String, BronzeEvent> events =
                    bronzeEvents(
                            catalog.loadTable(
                                    TableIdentifier.parse(
                                            config.get(
                                                    SilverConformOptions.REPROCESS_BRONZE_TABLE))),
                            tenant,
                            candidates);
            for (BronzeEvent e : events.values()) {
                if (!dryRun) {
                    topic.send(e, version);
                }
                sent.merge(candidates.get(e.getEventId()).reason(), 1L, Long::sum);
            }
            if (!dryRun) {
                topic.flush();
            }
            return new Report(
                    tenant,
                    version,
                    refused,
                    sent,
                    notFixable,
                    alreadySent,
                    underCurrent,
                    candidates.size() - events.size());
        }
    }

    /** Per event id, the tenant's latest refusal. */
    static Map<String, Refusal> latestRefusals(Table quarantine, String tenant) {
        Map<String, Refusal> latest = new HashMap<>();
        for (Record q : rows(quarantine, tenant)) {
            String eventId = (String) q.getField("event_id");
            if (eventId == null) {
                continue; // unreadable bytes of the Bronze topic: nothing to send again
            }
            Refusal r =
                    new Refusal(
                            tenant,
                            eventId,
                            QuarantineReason.valueOf((String) q.getField("reason")),
                            q.struct().field("config_version") == null
                                    ? null
                                    : (String) q.getField("config_version"),
                            (String) q.getField("raw_sha256"),
                            ((OffsetDateTime) q.getField("quarantined_at")).toInstant());
            latest.merge(
                    eventId, r, (a, b) -> a.quarantinedAt().isAfter(b.quarantinedAt()) ? a : b);
        }
        return latest;
    }

    /** The Bronze events of {@code refusals}, matched by event id and checksum. */
    private static Map<String, BronzeEvent> bronzeEvents(
            Table bronze, String tenant, Map<String, Refusal> refusals) {
        if (refusals.isEmpty()) {
            return Map.of();
        }
        Map<String, BronzeEvent> events = new HashMap<>();
        for (Record r : rows(bronze, tenant)) {
            Refusal refusal = refusals.get((String) r.getField("event_id"));
            if (refusal != null && refusal.checksum().equals(r.getField("checksum"))) {
                events.put(refusal.eventId(), BronzeTableRows.fromIceberg(r));
            }
        }
        return events;
    }

    private static List<Record> rows(Table table, String tenant) {
        try (CloseableIterable<Record> it =
                IcebergGenerics.read(table).where(Expressions.equal("tenant_id", tenant)).build()) {
            List<Record> rows = new ArrayList<>();
            it.forEach(r -> rows.add(r.copy()));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
