package io.strata.common.control;

import io.strata.common.kafka.RawKafkaRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads records of the tenant control topic into {@link TenantControl}s. An unreadable record is
 * logged and counted ({@code tenantControlsRejected}) and changes nothing: the tenant keeps the
 * state it had. Parsing once here, before the broadcast, keeps every parallel instance in
 * agreement.
 */
public final class ReadTenantControl extends ProcessFunction<RawKafkaRecord, TenantControl> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReadTenantControl.class);

    private transient Counter rejected;

    @Override
    public void open(OpenContext openContext) {
        rejected = getRuntimeContext().getMetricGroup().counter("tenantControlsRejected");
    }

    @Override
    public void processElement(RawKafkaRecord record, Context ctx, Collector<TenantControl> out) {
        String at = record.topic + "/" + record.partition + "@" + record.offset;
        String tenant =
                record.key == null ? "" : new String(record.key, StandardCharsets.UTF_8).trim();
        if (tenant.isEmpty()) {
            reject(at, "a tenant control record needs the tenant id as its key");
            return;
        }
        try {
            TenantControl control = TenantControl.fromJson(tenant, record.value);
            LOG.info("Tenant control {}: {}", at, control);
            out.collect(control);
        } catch (RuntimeException e) {
            reject(at, e.getMessage());
        }
    }

    private void reject(String at, String why) {
        rejected.inc();
        LOG.warn("Ignored the tenant control record at {}: {}", at, why);
    }
}
