package io.strata.bronze.dedupe;

import io.strata.model.bronze.BronzeEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;

/** The dedupe key: (tenant, event id); for CDC the event id is table:lsn:primary-key. */
public final class TenantEventKey implements KeySelector<BronzeEvent, Tuple2<String, String>> {

    private static final long serialVersionUID = 1L;

    public static final TypeInformation<Tuple2<String, String>> TYPE =
            Types.TUPLE(Types.STRING, Types.STRING);

    @Override
    public Tuple2<String, String> getKey(BronzeEvent event) {
        return Tuple2.of(event.getTenantId(), event.getEventId());
    }
}
