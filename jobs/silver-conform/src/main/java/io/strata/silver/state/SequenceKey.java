package io.strata.silver.state;

import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.extract.SilverRow;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * Where a row is sequenced: (tenant, entity, business key), except that a child row (an order line)
 * goes to its parent's key, so that deleting the parent finds its children in the same keyed state.
 */
public final class SequenceKey implements KeySelector<SilverChange, String> {

    private static final long serialVersionUID = 1L;

    public static final TypeInformation<String> TYPE = Types.STRING;

    private static final char SEP = SilverRow.KEY_SEPARATOR;

    @Override
    public String getKey(SilverChange c) {
        if (c.parentKey == null) {
            return c.tenant + SEP + c.entity + SEP + c.key;
        }
        CanonicalEntity parent = CanonicalEntity.byName(c.entity).parent();
        return c.tenant + SEP + parent.entityName() + SEP + c.parentKey;
    }
}
