package io.strata.silver.extract;

import io.strata.model.silver.EntityMeta;
import io.strata.silver.config.CanonicalEntity;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * One canonical row extracted from a Bronze record: the typed Avro record (with its {@link
 * EntityMeta}), its business key and whether it is master data or a delete.
 *
 * @param key the business key; parts of a composite key joined by {@link #KEY_SEPARATOR}
 * @param master whether the tenant declares this entity master data (upserted only when its hash
 *     diff changes)
 * @param deleted a tombstone: only key and meta are meaningful; deleting a parent (an order)
 *     deletes its children (the order's lines, see {@link CanonicalEntity#parent()})
 */
public record SilverRow(
        CanonicalEntity entity,
        String key,
        boolean master,
        boolean deleted,
        SpecificRecordBase record) {

    public static final char KEY_SEPARATOR = '\u001F';

    public EntityMeta meta() {
        return (EntityMeta) record.get(entity.metaPosition());
    }

    /**
     * The business key of the parent row this row belongs to (an order line's order), so deleting
     * the parent can delete it too; null for entities without a parent.
     */
    public String parentKey() {
        CanonicalEntity parent = entity.parent();
        if (parent == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String field : parent.keyFields()) {
            sb.append(sb.length() == 0 ? "" : String.valueOf(KEY_SEPARATOR))
                    .append(record.get(entity.field(field).position()));
        }
        return sb.toString();
    }

    /** The record as its Avro class, e.g. {@code row.as(Customer.class)}. */
    public <T extends SpecificRecordBase> T as(Class<T> type) {
        return type.cast(record);
    }
}
