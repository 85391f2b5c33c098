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

    private static final Map<CanonicalEntity, OutputTag<SpecificRecordBase>> SUPERSEDED =
            new EnumMap<>(CanonicalEntity.class);

    static {
        for (CanonicalEntity e : CanonicalEntity.values()) {
            TAGS.put(e, new OutputTag<>("silver-" + e.entityName(), type(e)));
            SUPERSEDED.put(e, new OutputTag<>("silver-superseded-" + e.entityName(), type(e)));
        }
    }

    private SilverOutputs() {}

    /** The rows Silver applies: its tables upsert them, its topics carry them. */
    public static OutputTag<SpecificRecordBase> of(CanonicalEntity entity) {
        return TAGS.get(entity);
    }

    /**
     * The versions that arrive after a newer one of their key: not applied to the tables, but
     * published on the topics after the newer one, so Gold's point-in-time history has every
     * version whatever order the Bronze partitions were read in.
     */
    public static OutputTag<SpecificRecordBase> superseded(CanonicalEntity entity) {
        return SUPERSEDED.get(entity);
    }

    /** The Avro type information of an entity's rows. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static TypeInformation<SpecificRecordBase> type(CanonicalEntity entity) {
        return new AvroTypeInfo(SilverRecords.recordClass(entity));
    }
}
