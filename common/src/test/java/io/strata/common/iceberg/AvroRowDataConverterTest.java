package io.strata.common.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.Layer;
import io.strata.model.QuarantineReason;
import io.strata.model.SourceCoordinates;
import io.strata.model.SourceKind;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.bronze.Operation;
import io.strata.model.ops.QuarantineRecord;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class AvroRowDataConverterTest {

    private static final Instant EVENT_TIME = Instant.parse("2026-11-16T09:00:00.123Z");

    @Test
    void convertsAGeneratedRecordColumnByColumn() {
        BronzeEvent event = event();
        Schema table = AvroIcebergSchemas.toIceberg(BronzeEvent.getClassSchema());

        RowData row =
                AvroRowDataConverter.of(BronzeEvent.getClassSchema(), table.asStruct())
                        .convert(event);

        assertThat(row.getArity()).isEqualTo(13);
        assertThat(row.getString(0).toString()).isEqualTo("e-1");
        assertThat(row.getString(5).toString()).isEqualTo("UPDATE");
        assertThat(row.getTimestamp(6, 6)).isEqualTo(TimestampData.fromInstant(EVENT_TIME));
        RowData source = row.getRow(8, 6);
        assertThat(source.getString(0).toString()).isEqualTo("CDC");
        assertThat(source.getInt(2)).isEqualTo(3);
        assertThat(source.getLong(3)).isEqualTo(42L);
        assertThat(source.getLong(5)).isEqualTo(77L);
        assertThat(row.getBoolean(11)).isTrue();
    }

    @Test
    void nullsAndBytesAreKept() {
        QuarantineRecord q =
                new QuarantineRecord(
                        Layer.BRONZE,
                        "job",
                        QuarantineReason.INVALID_JSON,
                        "detail",
                        null,
                        null,
                        null,
                        null,
                        coordinates(),
                        ByteBuffer.wrap(new byte[] {1, 2, 3}),
                        "ab",
                        null,
                        EVENT_TIME,
                        null,
                        null);
        Schema table = AvroIcebergSchemas.toIceberg(QuarantineRecord.getClassSchema());

        RowData row =
                AvroRowDataConverter.of(QuarantineRecord.getClassSchema(), table.asStruct())
                        .convert(q);

        assertThat(row.isNullAt(4)).isTrue();
        assertThat(row.getBinary(9)).containsExactly(1, 2, 3);
        assertThat(row.isNullAt(11)).isTrue();
    }

    @Test
    void columnsAreMatchedByNameAndUnknownOptionalOnesAreNull() {
        Schema evolved =
                new Schema(
                        Types.NestedField.optional(100, "added_later", Types.StringType.get()),
                        Types.NestedField.required(1, "event_id", Types.StringType.get()));

        RowData row =
                AvroRowDataConverter.of(BronzeEvent.getClassSchema(), evolved.asStruct())
                        .convert(event());

        assertThat(row.isNullAt(0)).isTrue();
        assertThat(row.getString(1).toString()).isEqualTo("e-1");
    }

    private static BronzeEvent event() {
        return new BronzeEvent(
                "e-1",
                "acme",
                "commerce",
                "customers",
                "cdc",
                Operation.UPDATE,
                EVENT_TIME,
                EVENT_TIME,
                coordinates(),
                "{}",
                "00",
                true,
                null);
    }

    private static SourceCoordinates coordinates() {
        return new SourceCoordinates(
                SourceKind.CDC, "cdc.public.customers", 3, 42L, "public.customers", 77L);
    }
}
