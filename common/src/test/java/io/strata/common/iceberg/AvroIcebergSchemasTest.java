package io.strata.common.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.ManifestRecord;
import io.strata.model.ops.QuarantineRecord;
import org.apache.avro.SchemaBuilder;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class AvroIcebergSchemasTest {

    @Test
    void bronzeEventMapsFieldByField() {
        Schema schema = AvroIcebergSchemas.toIceberg(BronzeEvent.getClassSchema());

        assertThat(schema.findField("event_id").isRequired()).isTrue();
        assertThat(schema.findType("event_id")).isEqualTo(Types.StringType.get());
        assertThat(schema.findType("op")).as("enum").isEqualTo(Types.StringType.get());
        assertThat(schema.findType("event_time")).isEqualTo(Types.TimestampType.withZone());
        assertThat(schema.findType("late")).isEqualTo(Types.BooleanType.get());
        assertThat(schema.findType("source.partition")).isEqualTo(Types.IntegerType.get());
        assertThat(schema.findField("source.cdc_lsn").isOptional()).isTrue();
        assertThat(schema.findType("source.cdc_lsn")).isEqualTo(Types.LongType.get());
        assertThat(schema.findField("payload").doc()).contains("as received");
        assertThat(schema.columns())
                .extracting(Types.NestedField::name)
                .containsExactly(
                        "event_id",
                        "tenant_id",
                        "app",
                        "record_type",
                        "schema_version",
                        "op",
                        "event_time",
                        "ingest_time",
                        "source",
                        "payload",
                        "checksum",
                        "late",
                        "manifest_id");
    }

    @Test
    void bytesNullableUnionsArraysAndNestedRecordsMap() {
        Schema quarantine = AvroIcebergSchemas.toIceberg(QuarantineRecord.getClassSchema());
        Schema manifest = AvroIcebergSchemas.toIceberg(ManifestRecord.getClassSchema());

        assertThat(quarantine.findType("raw")).isEqualTo(Types.BinaryType.get());
        assertThat(quarantine.findField("tenant_id").isOptional()).isTrue();
        assertThat(quarantine.findField("event_time").isOptional()).isTrue();
        assertThat(manifest.findType("lineage"))
                .isEqualTo(
                        Types.ListType.ofRequired(
                                manifest.findType("lineage").asListType().elementId(),
                                Types.StringType.get()));
        assertThat(manifest.findType("kafka_offsets.element.end_offset"))
                .isEqualTo(Types.LongType.get());
        assertThat(manifest.findType("quality_checks.referential_integrity_pass"))
                .isEqualTo(Types.BooleanType.get());
    }

    @Test
    void unionsOtherThanNullableAreRefused() {
        org.apache.avro.Schema record =
                SchemaBuilder.record("R")
                        .fields()
                        .name("x")
                        .type()
                        .unionOf()
                        .intType()
                        .and()
                        .stringType()
                        .endUnion()
                        .noDefault()
                        .endRecord();

        assertThatThrownBy(() -> AvroIcebergSchemas.toIceberg(record))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[null, T]");
    }
}
