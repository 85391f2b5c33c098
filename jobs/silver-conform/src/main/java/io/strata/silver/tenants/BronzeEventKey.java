package io.strata.silver.tenants;

import io.strata.model.bronze.BronzeEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The key of the conform operator: {@code tenant|event-id}, as the Bronze topic's records are
 * keyed. It spreads a tenant over all parallel instances (extraction is the expensive step), and
 * gives an event waiting for its tenant's configuration its own state and timer.
 */
public final class BronzeEventKey implements KeySelector<BronzeEvent, String> {

    private static final long serialVersionUID = 1L;

    public static final TypeInformation<String> TYPE = Types.STRING;

    @Override
    public String getKey(BronzeEvent event) {
        return event.getTenantId() + "|" + event.getEventId();
    }
}
