package io.strata.silver;

import io.strata.model.bronze.BronzeEvent;
import java.util.Collection;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;

/**
 * Lets only the named tenants' Bronze events through (a tenant-scoped replay); the others are
 * counted ({@code skippedOtherTenants}), not conformed.
 */
final class OnlyTenants extends RichFilterFunction<BronzeEvent> {

    private static final long serialVersionUID = 1L;

    private final TreeSet<String> tenants;
    private transient Counter skipped;

    OnlyTenants(Collection<String> tenants) {
        this.tenants = new TreeSet<>(tenants);
    }

    @Override
    public void open(OpenContext openContext) {
        skipped = getRuntimeContext().getMetricGroup().counter("skippedOtherTenants");
    }

    @Override
    public boolean filter(BronzeEvent event) {
        if (tenants.contains(event.getTenantId())) {
            return true;
        }
        skipped.inc();
        return false;
    }
}
