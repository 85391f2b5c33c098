package io.strata.gold.vault;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys a vault table's rows by their hash key ({@link VaultTable#hashKeyColumn()}). */
final class HashKeyOf<T extends SpecificRecordBase> implements KeySelector<T, String> {

    private static final long serialVersionUID = 1L;

    private final String column;

    HashKeyOf(VaultTable table) {
        this.column = table.hashKeyColumn();
    }

    @Override
    public String getKey(T row) {
        return (String) row.get(column);
    }
}
