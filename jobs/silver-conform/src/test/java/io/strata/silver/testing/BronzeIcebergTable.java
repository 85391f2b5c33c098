package io.strata.silver.testing;

import io.strata.common.iceberg.AvroIcebergSchemas;
import io.strata.model.bronze.BronzeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;

/**
 * Bronze's Iceberg events table as bronze-ingest leaves it (same schema, derived from the Avro
 * class), written directly: silver-conform's tests have no bronze-ingest to run.
 */
public final class BronzeIcebergTable {

    private BronzeIcebergTable() {}

    public static void append(Catalog catalog, TableIdentifier id, List<BronzeEvent> events) {
        Table table = table(catalog, id);
        OutputFile file =
                table.io()
                        .newOutputFile(
                                table.locationProvider()
                                        .newDataLocation(UUID.randomUUID() + ".parquet"));
        try (DataWriter<Record> writer =
                Parquet.writeData(file)
                        .schema(table.schema())
                        .createWriterFunc(type -> GenericParquetWriter.create(table.schema(), type))
                        .withSpec(PartitionSpec.unpartitioned())
                        .overwrite()
                        .build()) {
            events.forEach(e -> writer.write(record(table.schema(), e)));
            writer.close();
            table.newAppend().appendFile(writer.toDataFile()).commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Table table(Catalog catalog, TableIdentifier id) {
        if (catalog.tableExists(id)) {
            return catalog.loadTable(id);
        }
        if (catalog instanceof SupportsNamespaces ns && !ns.namespaceExists(id.namespace())) {
            ns.createNamespace(Namespace.of(id.namespace().levels()));
        }
        return catalog.createTable(
                id,
                AvroIcebergSchemas.toIceberg(BronzeEvent.getClassSchema()),
                PartitionSpec.unpartitioned(),
                Map.of("format-version", "2"));
    }

    private static Record record(Schema schema, BronzeEvent e) {
        Record r = GenericRecord.create(schema);
        r.setField("event_id", e.getEventId());
        r.setField("tenant_id", e.getTenantId());
        r.setField("app", e.getApp());
        r.setField("record_type", e.getRecordType());
        r.setField("schema_version", e.getSchemaVersion());
        r.setField("op", e.getOp().name());
        r.setField("event_time", e.getEventTime().atOffset(ZoneOffset.UTC));
        r.setField("ingest_time", e.getIngestTime().atOffset(ZoneOffset.UTC));
        Record source = GenericRecord.create(schema.findField("source").type().asStructType());
        source.setField("kind", e.getSource().getKind().name());
        source.setField("topic", e.getSource().getTopic());
        source.setField("partition", e.getSource().getPartition());
        source.setField("offset", e.getSource().getOffset());
        source.setField("cdc_table", e.getSource().getCdcTable());
        source.setField("cdc_lsn", e.getSource().getCdcLsn());
        r.setField("source", source);
        r.setField("payload", e.getPayload());
        r.setField("checksum", e.getChecksum());
        r.setField("late", e.getLate());
        r.setField("manifest_id", e.getManifestId());
        return r;
    }
}
