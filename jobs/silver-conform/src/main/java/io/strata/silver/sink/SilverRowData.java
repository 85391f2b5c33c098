package io.strata.silver.sink;

import io.strata.common.iceberg.AvroRowDataConverter;
import io.strata.model.silver.EntityMeta;
import io.strata.silver.config.CanonicalEntity;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.types.RowKind;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SchemaParser;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/**
 * Maps an entity's Avro rows to rows of its Iceberg table for the upsert sink: a row with {@code
 * meta.deleted} becomes a {@link RowKind#DELETE} (the sink deletes by key), every other row an
 * insert (the sink deletes the key's previous row first).
 */
public final class SilverRowData extends RichMapFunction<SpecificRecordBase, RowData>
        implements ResultTypeQueryable<RowData> {

    private static final long serialVersionUID = 1L;

    private final CanonicalEntity entity;
    // Iceberg's schema travels as JSON: it promises no Java serialization.
    private final String tableSchema;
    private transient AvroRowDataConverter converter;
    private transient int metaPosition;

    public SilverRowData(CanonicalEntity entity, Schema tableSchema) {
        this.entity = entity;
        this.tableSchema = SchemaParser.toJson(tableSchema);
    }

    @Override
    public void open(OpenContext openContext) {
        converter =
                AvroRowDataConverter.of(
                        entity.schema(), SchemaParser.fromJson(tableSchema).asStruct());
        metaPosition = entity.metaPosition();
    }

    @Override
    public RowData map(SpecificRecordBase record) {
        RowData row = converter.convert(record);
        if (((EntityMeta) record.get(metaPosition)).getDeleted()) {
            row.setRowKind(RowKind.DELETE);
        }
        return row;
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return InternalTypeInfo.of(FlinkSchemaUtil.convert(SchemaParser.fromJson(tableSchema)));
    }
}
