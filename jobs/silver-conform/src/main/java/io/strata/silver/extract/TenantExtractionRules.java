package io.strata.silver.extract;

import io.strata.model.SourceKind;
import io.strata.model.bronze.BronzeEvent;
import io.strata.silver.config.RecordTypeConfig;
import io.strata.silver.config.TenantConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One tenant's configuration compiled once into extraction plans (JSONPaths compiled, coercions and
 * value maps resolved, entities ordered). Immutable and thread-safe; compile it when a
 * configuration arrives, not per record.
 */
public final class TenantExtractionRules {

    private final String tenant;
    private final String application;
    private final String configVersion;
    private final Map<String, Map<String, CompiledRecordType>> versions = new HashMap<>();
    private final Map<String, CompiledRecordType> cdc = new HashMap<>();

    private TenantExtractionRules(TenantConfig config) {
        this.tenant = config.tenant();
        this.application = config.application();
        this.configVersion = config.configVersion();
        RulesCompiler compiler = new RulesCompiler(config);
        config.versions()
                .forEach(
                        (version, types) -> {
                            Map<String, CompiledRecordType> byType = new HashMap<>();
                            types.forEach(
                                    (name, t) -> byType.put(name, compiler.compile(version, t)));
                            versions.put(version, byType);
                        });
        for (Map.Entry<String, RecordTypeConfig> e : config.cdc().entrySet()) {
            cdc.put(e.getKey(), compiler.compile(TenantConfig.CDC, e.getValue()));
        }
    }

    /** Compiles a configuration that {@code TenantConfigs} has validated. */
    public static TenantExtractionRules compile(TenantConfig config) {
        return new TenantExtractionRules(config);
    }

    public String tenant() {
        return tenant;
    }

    public String application() {
        return application;
    }

    /** Recorded as {@code meta.config_version} on every row these rules produce. */
    public String configVersion() {
        return configVersion;
    }

    /** The configured schema versions, sorted (for messages and reports). */
    public List<String> schemaVersions() {
        return List.copyOf(new TreeSet<>(versions.keySet()));
    }

    /** Whether these rules can read {@code e}'s shape: a CDC change, or a configured version. */
    public boolean knowsShapeOf(BronzeEvent e) {
        return e.getSource().getKind() == SourceKind.CDC
                || versions.containsKey(e.getSchemaVersion());
    }

    public List<String> cdcTables() {
        return List.copyOf(new TreeSet<>(cdc.keySet()));
    }

    Map<String, CompiledRecordType> version(String schemaVersion) {
        return versions.get(schemaVersion);
    }

    CompiledRecordType cdcTable(String table) {
        return cdc.get(table);
    }
}
