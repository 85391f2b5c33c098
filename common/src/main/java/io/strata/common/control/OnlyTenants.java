package io.strata.common.control;

import io.strata.common.kafka.RawKafkaRecord;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;

/**
 * Lets only the named tenants' records through (a tenant-scoped replay); the others are counted
 * ({@code skippedOtherTenants}), not processed.
 *
 * @param <T> the records
 */
public final class OnlyTenants<T> extends RichFilterFunction<T> {

    private static final long serialVersionUID = 1L;

    /** The tenant a record belongs to. */
    @FunctionalInterface
    public interface TenantOf<T> extends Serializable {
        String of(T record);
    }

    private final TreeSet<String> tenants;
    private final TenantOf<T> tenantOf;
    private transient Counter skipped;

    public OnlyTenants(Collection<String> tenants, TenantOf<T> tenantOf) {
        this.tenants = new TreeSet<>(tenants);
        this.tenantOf = tenantOf;
    }

    /**
     * The tenant of a record keyed {@code tenant|...} (Strata's topic keys: Bronze, Silver, Gold);
     * null without a key.
     */
    public static String ofKafkaKey(RawKafkaRecord record) {
        if (record.key == null) {
            return null;
        }
        String key = new String(record.key, StandardCharsets.UTF_8);
        int bar = key.indexOf('|');
        return bar < 0 ? key : key.substring(0, bar);
    }

    @Override
    public void open(OpenContext openContext) {
        skipped = getRuntimeContext().getMetricGroup().counter("skippedOtherTenants");
    }

    @Override
    public boolean filter(T record) {
        String tenant = tenantOf.of(record);
        if (tenant != null && tenants.contains(tenant)) {
            return true;
        }
        skipped.inc();
        return false;
    }
}
