package io.strata.common.iceberg;

import org.apache.avro.generic.IndexedRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SchemaParser;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/** Maps Avro records to rows of an Iceberg table, typed for Iceberg's Flink sink. */
public final class AvroToRowData<T extends IndexedRecord> extends RichMapFunction<T, RowData>
        implements ResultTypeQueryable<RowData> {

    private static final long serialVersionUID = 1L;

    // Schemas travel as JSON: neither Avro's nor Iceberg's schema promises Java serialization.
    private final String avroSchema;
    private final String tableSchema;
    private transient AvroRowDataConverter converter;

    public AvroToRowData(org.apache.avro.Schema avroSchema, Schema tableSchema) {
        this.avroSchema = avroSchema.toString();
        this.tableSchema = SchemaParser.toJson(tableSchema);
    }

    @Override
    public void open(OpenContext openContext) {
        converter =
                AvroRowDataConverter.of(
                        new org.apache.avro.Schema.Parser().parse(avroSchema),
                        SchemaParser.fromJson(tableSchema).asStruct());
    }

    @Override
    public RowData map(T record) {
        return converter.convert(record);
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return InternalTypeInfo.of(FlinkSchemaUtil.convert(SchemaParser.fromJson(tableSchema)));
    }
}
