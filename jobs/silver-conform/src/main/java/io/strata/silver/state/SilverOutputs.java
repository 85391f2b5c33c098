package io.strata.silver.state;

import io.strata.silver.config.CanonicalEntity;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.OutputTag;

/**
 * The sequencer's outputs: one stream per canonical entity, typed by the entity's Avro class (so
 * Flink serializes it with Avro, never Kryo). A row with {@code meta.deleted} is a delete.
 */
public final class SilverOutputs {

    private static final Map<CanonicalEntity, OutputTag<SpecificRecordBase>> TAGS =
            new EnumMap<>(CanonicalEntity.class);

    static {
        for (CanonicalEntity e : CanonicalEntity.values()) {
            TAGS.put(e, new OutputTag<>("silver-" + e.entityName(), type(e)));
        }
    }

    private SilverOutputs() {}

    public static OutputTag<SpecificRecordBase> of(CanonicalEntity entity) {
        return TAGS.get(entity);
    }

    /** The Avro type information of an entity's rows. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static TypeInformation<SpecificRecordBase> type(CanonicalEntity entity) {
        return new AvroTypeInfo(SilverRecords.recordClass(entity));
    }
}
