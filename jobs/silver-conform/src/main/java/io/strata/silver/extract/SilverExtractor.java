package io.strata.silver.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.model.QuarantineReason;
import io.strata.model.SourceCoordinates;
import io.strata.model.SourceKind;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.bronze.Operation;
import io.strata.silver.config.TenantConfig;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Silver door: turns one Bronze event into canonical rows with the rules of its tenant, schema
 * version and record type, or refuses it whole with a Tier-1 reason. The payload is parsed once; no
 * exception escapes for bad input.
 *
 * <p>Selection: a webhook event by (tenant, application, schema version, record type); a CDC event
 * by (tenant, {@code schema.table}). Deletes (envelope {@code op=delete}, Debezium {@code d}) yield
 * one tombstone of the record type's deleted entity; everything else yields every configured
 * entity.
 *
 * <p>Not thread-safe (it reuses a digest): one instance per operator subtask. Rules may be added or
 * replaced while it runs ({@link #register}), e.g. from broadcast state.
 */
public final class SilverExtractor {

    private final Map<String, TenantExtractionRules> tenants = new HashMap<>();
    private final HashDiff hashDiff = new HashDiff();

    public SilverExtractor(Collection<TenantExtractionRules> rules) {
        rules.forEach(this::register);
    }

    /** An extractor for validated configurations. */
    public static SilverExtractor of(List<TenantConfig> configs) {
        return new SilverExtractor(configs.stream().map(TenantExtractionRules::compile).toList());
    }

    /** Adds or replaces a tenant's rules. */
    public void register(TenantExtractionRules rules) {
        tenants.put(rules.tenant(), rules);
    }

    public void remove(String tenant) {
        tenants.remove(tenant);
    }

    public Set<String> tenants() {
        return Set.copyOf(tenants.keySet());
    }

    /** The tenant's rules, or null. */
    public TenantExtractionRules rules(String tenant) {
        return tenants.get(tenant);
    }

    /**
     * The rows of one Bronze event, or why it is refused.
     *
     * @param processedAt recorded as {@code meta.processed_at} (the caller's clock, so tests and
     *     replays can fix it)
     */
    public Extraction extract(BronzeEvent e, Instant processedAt) {
        TenantExtractionRules rules = tenants.get(e.getTenantId());
        if (rules == null) {
            return new Extraction.Refused(
                    QuarantineReason.UNKNOWN_TENANT,
                    "no configuration for tenant '" + e.getTenantId() + "'",
                    null,
                    null);
        }
        boolean cdc = e.getSource().getKind() == SourceKind.CDC;
        CompiledRecordType type;
        try {
            type = cdc ? cdcType(rules, e) : webhookType(rules, e);
        } catch (Tier1Failure f) {
            return new Extraction.Refused(f.reason(), f.detail(), rules.configVersion(), null);
        }
        if (type.ignore) {
            return new Extraction.Ignored(type.label + " is ignored by the configuration");
        }
        boolean delete = e.getOp() == Operation.DELETE;
        try {
            JsonNode record = Payloads.parse(e.getPayload());
            JsonNode root =
                    cdc ? Payloads.rowImage(record, delete) : Payloads.platformPayload(record);
            RowContext ctx = context(e, rules, processedAt);
            return new Extraction.Rows(delete ? type.delete(root, ctx) : type.extract(root, ctx));
        } catch (Tier1Failure f) {
            return new Extraction.Refused(
                    f.reason(),
                    type.label + (f.located() ? " → " : ": ") + f.detail(),
                    rules.configVersion(),
                    type.label + (f.located() ? " → " + f.where() : ""));
        }
    }

    private static CompiledRecordType webhookType(TenantExtractionRules rules, BronzeEvent e)
            throws Tier1Failure {
        if (!rules.application().equals(e.getApp())) {
            throw new Tier1Failure(
                    QuarantineReason.UNKNOWN_TENANT,
                    "tenant '"
                            + rules.tenant()
                            + "' is configured for application '"
                            + rules.application()
                            + "', not '"
                            + e.getApp()
                            + "'");
        }
        Map<String, CompiledRecordType> types = rules.version(e.getSchemaVersion());
        if (types == null) {
            throw new Tier1Failure(
                    QuarantineReason.UNKNOWN_SCHEMA_VERSION,
                    "tenant '"
                            + rules.tenant()
                            + "' has no schema version '"
                            + e.getSchemaVersion()
                            + "' (configured: "
                            + rules.schemaVersions()
                            + ")");
        }
        CompiledRecordType type = types.get(e.getRecordType());
        if (type == null) {
            throw new Tier1Failure(
                    QuarantineReason.UNKNOWN_RECORD_TYPE,
                    "tenant '"
                            + rules.tenant()
                            + "' schema version "
                            + e.getSchemaVersion()
                            + " has no record type '"
                            + e.getRecordType()
                            + "'");
        }
        return type;
    }

    private static CompiledRecordType cdcType(TenantExtractionRules rules, BronzeEvent e)
            throws Tier1Failure {
        SourceCoordinates source = e.getSource();
        String table =
                source.getCdcTable() != null
                        ? source.getCdcTable()
                        : e.getApp() + "." + e.getRecordType();
        CompiledRecordType type = rules.cdcTable(table);
        if (type == null) {
            throw new Tier1Failure(
                    QuarantineReason.UNKNOWN_RECORD_TYPE,
                    "tenant '"
                            + rules.tenant()
                            + "' has no cdc table '"
                            + table
                            + "' (configured: "
                            + rules.cdcTables()
                            + ")");
        }
        return type;
    }

    private RowContext context(BronzeEvent e, TenantExtractionRules rules, Instant processedAt) {
        SourceCoordinates s = e.getSource();
        return new RowContext(
                e.getTenantId(),
                e.getApp(),
                e.getSchemaVersion(),
                rules.configVersion(),
                e.getEventTime(),
                e.getEventId(),
                s.getTopic() + "/" + s.getPartition() + "/" + s.getOffset(),
                processedAt,
                hashDiff);
    }
}
