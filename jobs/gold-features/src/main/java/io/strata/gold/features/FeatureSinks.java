package io.strata.gold.features;

import io.strata.common.flink.Uids;
import io.strata.model.gold.CustomerFeatures;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the customer features go; production writes Iceberg and Kafka, tests pass their own.
 * Implementations add operators with uids from {@code uids}.
 */
public interface FeatureSinks {

    /**
     * Every row written or rewritten, in order per customer: new rows, corrections and rows whose
     * {@code valid_to} was set; the latest write per (tenant, customer, valid_from) is the row.
     */
    void history(DataStream<CustomerFeatures> rows, Uids uids);

    /**
     * Each customer's current row ({@code valid_to} null) whenever it changes, in order per
     * customer; the latest per (tenant, customer) is the current row.
     */
    void current(DataStream<CustomerFeatures> rows, Uids uids);

    /** All of {@code sinks}, in order. */
    static FeatureSinks all(List<FeatureSinks> sinks) {
        return new FeatureSinks() {
            @Override
            public void history(DataStream<CustomerFeatures> rows, Uids uids) {
                sinks.forEach(s -> s.history(rows, uids));
            }

            @Override
            public void current(DataStream<CustomerFeatures> rows, Uids uids) {
                sinks.forEach(s -> s.current(rows, uids));
            }
        };
    }
}
