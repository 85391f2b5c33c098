package io.strata.gold.vault;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.util.Collector;
import org.apache.flink.util.function.SerializableFunction;

/** Derives a vault table's rows from Silver rows: one row per Silver row, or none for null. */
final class DeriveRows<I, O extends SpecificRecordBase>
        implements FlatMapFunction<I, O>, ResultTypeQueryable<O> {

    private static final long serialVersionUID = 1L;

    private final VaultTable table;
    private final SerializableFunction<I, O> derive;

    DeriveRows(VaultTable table, SerializableFunction<I, O> derive) {
        this.table = table;
        this.derive = derive;
    }

    @Override
    public void flatMap(I silverRow, Collector<O> out) {
        O row = derive.apply(silverRow);
        if (row != null) {
            out.collect(row);
        }
    }

    @Override
    public TypeInformation<O> getProducedType() {
        return table.typeInfo();
    }
}
