package io.strata.silver.tenants;

import io.strata.common.kafka.RawKafkaRecord;
import io.strata.silver.config.ConfigLoad;
import io.strata.silver.config.TenantConfig;
import io.strata.silver.config.TenantConfigs;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads records of the tenant configuration topic (key = tenant id, value = YAML, null = removal)
 * and lets only valid ones through. An invalid configuration is logged with every located error and
 * counted ({@code tenantConfigsRejected}); the tenant's previous configuration stays in force.
 * Validating once here, before the broadcast, keeps every parallel instance in agreement.
 */
public final class ReadTenantConfigs extends ProcessFunction<RawKafkaRecord, TenantConfigUpdate> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReadTenantConfigs.class);

    private transient Counter accepted;
    private transient Counter rejected;
    private transient Counter removed;

    @Override
    public void open(OpenContext openContext) {
        accepted = getRuntimeContext().getMetricGroup().counter("tenantConfigsAccepted");
        rejected = getRuntimeContext().getMetricGroup().counter("tenantConfigsRejected");
        removed = getRuntimeContext().getMetricGroup().counter("tenantConfigsRemoved");
    }

    @Override
    public void processElement(
            RawKafkaRecord record, Context ctx, Collector<TenantConfigUpdate> out) {
        String source = record.topic + "/" + record.partition + "@" + record.offset;
        String tenant =
                record.key == null ? "" : new String(record.key, StandardCharsets.UTF_8).trim();
        if (tenant.isEmpty()) {
            reject(source, "a tenant configuration record needs the tenant id as its key");
            return;
        }
        if (record.value == null) {
            LOG.info("Tenant {} removed by {}", tenant, source);
            removed.inc();
            out.collect(TenantConfigUpdate.removal(tenant, source));
            return;
        }
        TenantConfigUpdate update = validate(tenant, source, record.value);
        if (update != null) {
            accepted.inc();
            LOG.info("Accepted {}", update);
            out.collect(update);
        }
    }

    /** The update, or null after logging why it is rejected. */
    private TenantConfigUpdate validate(String tenant, String source, byte[] value) {
        String yaml = new String(value, StandardCharsets.UTF_8);
        ConfigLoad load = TenantConfigs.parse(source, yaml);
        if (!load.isValid()) {
            reject(source, load.report());
            return null;
        }
        TenantConfig config = load.configs().get(0);
        if (!config.tenant().equals(tenant)) {
            reject(
                    source,
                    source
                            + ": the record's key is tenant '"
                            + tenant
                            + "' but the configuration is tenant '"
                            + config.tenant()
                            + "'");
            return null;
        }
        return new TenantConfigUpdate(tenant, source, yaml, config.configVersion());
    }

    private void reject(String source, String errors) {
        rejected.inc();
        LOG.warn(
                "Rejected the tenant configuration at {}; the previous one stays in force:\n{}",
                source,
                errors);
    }
}
