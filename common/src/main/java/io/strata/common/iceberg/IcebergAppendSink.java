package io.strata.common.iceberg;

import io.strata.common.flink.Uids;
import org.apache.avro.generic.IndexedRecord;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.FlinkSink;

/**
 * Appends a stream of Avro records to an Iceberg table through Iceberg's {@link FlinkSink}: files
 * are committed on each checkpoint (and at the end of bounded input), exactly once across restarts.
 * Every operator gets a uid derived from {@code operator}.
 */
public final class IcebergAppendSink {

    private IcebergAppendSink() {}

    /**
     * Appends {@code records} to {@code table} (loaded by {@code catalog} as {@code id} on the
     * cluster), committing to {@code branch}. The uids are {@code <job>-<operator>-rows}, {@code
     * -writer}, {@code -committer} and {@code -dummysink}.
     */
    public static <T extends IndexedRecord> DataStreamSink<Void> append(
            DataStream<T> records,
            org.apache.avro.Schema avroSchema,
            Table table,
            CatalogLoader catalog,
            TableIdentifier id,
            String branch,
            Uids uids,
            String operator) {
        FlinkWriteResultTypeInfo.register();
        DataStream<RowData> rows =
                records.map(new AvroToRowData<T>(avroSchema, table.schema()))
                        .uid(uids.of(operator + "-rows"))
                        .name("Rows for " + id);
        return FlinkSink.forRowData(rows)
                .table(table)
                .tableLoader(TableLoader.fromCatalog(catalog, id))
                .toBranch(branch)
                .uidPrefix(uids.of(operator))
                .append();
    }
}
