package io.strata.gold.vault;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;

/** Turns the one element of a one-shot source into a table's ghost row ({@link Ghosts}). */
final class GhostRow<T extends SpecificRecordBase>
        implements MapFunction<Boolean, T>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    private final VaultTable table;

    GhostRow(VaultTable table) {
        this.table = table;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T map(Boolean once) {
        return (T) Ghosts.of(table);
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return table.typeInfo();
    }
}
