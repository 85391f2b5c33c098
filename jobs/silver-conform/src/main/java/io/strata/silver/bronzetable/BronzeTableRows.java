package io.strata.silver.bronzetable;

import io.strata.model.SourceCoordinates;
import io.strata.model.SourceKind;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.bronze.Operation;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/**
 * Reads a row of Bronze's Iceberg events table back into the {@link BronzeEvent} it was, in either
 * form a row comes in: an Iceberg generic {@link Record} (quarantine reprocessing, on the client)
 * or Flink {@link RowData} (the job's Bronze-table input, {@link BronzeTableInput}). One mapping
 * serves both, over the columns by name.
 */
public final class BronzeTableRows {

    private BronzeTableRows() {}

    /** The event of an Iceberg generic row. */
    public static BronzeEvent fromIceberg(Record r) {
        return event(new RecordFields(r));
    }

    /** A reader of Flink rows of a table with {@code schema} (the whole table, unprojected). */
    public static RowReader rowReader(Schema schema) {
        return new RowReader(FlinkSchemaUtil.convert(schema));
    }

    /** Reads Flink rows of the Bronze table; serializable, for the job's operators. */
    public static final class RowReader implements Serializable {

        private static final long serialVersionUID = 1L;

        private final RowType type;
        private transient Layout layout;

        RowReader(RowType type) {
            this.type = type;
        }

        public BronzeEvent read(RowData row) {
            if (layout == null) {
                layout = new Layout(type);
            }
            return event(new RowFields(row, layout));
        }
    }

    private static BronzeEvent event(Fields r) {
        Fields source = r.struct("source");
        return BronzeEvent.newBuilder()
                .setEventId(r.string("event_id"))
                .setTenantId(r.string("tenant_id"))
                .setApp(r.string("app"))
                .setRecordType(r.string("record_type"))
                .setSchemaVersion(r.string("schema_version"))
                .setOp(Operation.valueOf(r.string("op")))
                .setEventTime(r.instant("event_time"))
                .setIngestTime(r.instant("ingest_time"))
                .setSource(
                        new SourceCoordinates(
                                SourceKind.valueOf(source.string("kind")),
                                source.string("topic"),
                                (Integer) source.get("partition"),
                                (Long) source.get("offset"),
                                source.string("cdc_table"),
                                (Long) source.get("cdc_lsn")))
                .setPayload(r.string("payload"))
                .setChecksum(r.string("checksum"))
                .setLate((Boolean) r.get("late"))
                .setManifestId(r.has("manifest_id") ? r.string("manifest_id") : null)
                .build();
    }

    /** Named columns of one row, values in Java's types (String, Integer, Long, Boolean). */
    private interface Fields {

        boolean has(String name);

        /** The value as its form stores it (a string may be Flink's StringData). */
        Object get(String name);

        Fields struct(String name);

        default String string(String name) {
            Object v = get(name);
            return v == null ? null : v.toString();
        }

        default Instant instant(String name) {
            Object v = get(name);
            if (v instanceof OffsetDateTime t) {
                return t.toInstant();
            }
            return v == null ? null : ((TimestampData) v).toInstant();
        }
    }

    private record RecordFields(Record record) implements Fields {

        @Override
        public boolean has(String name) {
            return record.struct().field(name) != null;
        }

        @Override
        public Object get(String name) {
            return record.getField(name);
        }

        @Override
        public Fields struct(String name) {
            return new RecordFields((Record) record.getField(name));
        }
    }

    /** Where each column of a row type is and how to get it, worked out once per reader. */
    private static final class Layout {

        private final Map<String, Integer> positions = new HashMap<>();
        private final RowData.FieldGetter[] getters;
        private final Map<String, Layout> structs = new HashMap<>();
        private final Map<String, Integer> arities = new HashMap<>();

        Layout(RowType type) {
            List<String> names = type.getFieldNames();
            getters = new RowData.FieldGetter[names.size()];
            for (int i = 0; i < names.size(); i++) {
                LogicalType t = type.getTypeAt(i);
                positions.put(names.get(i), i);
                getters[i] = RowData.createFieldGetter(t, i);
                if (t instanceof RowType nested) {
                    structs.put(names.get(i), new Layout(nested));
                    arities.put(names.get(i), nested.getFieldCount());
                }
            }
        }

        int position(String name) {
            Integer pos = positions.get(name);
            if (pos == null) {
                throw new IllegalArgumentException("The Bronze table has no column " + name);
            }
            return pos;
        }
    }

    private record RowFields(RowData row, Layout layout) implements Fields {

        @Override
        public boolean has(String name) {
            return layout.positions.containsKey(name);
        }

        @Override
        public Object get(String name) {
            return layout.getters[layout.position(name)].getFieldOrNull(row);
        }

        @Override
        public Fields struct(String name) {
            int pos = layout.position(name);
            Layout nested = layout.structs.get(name);
            if (nested == null) {
                throw new IllegalArgumentException("The Bronze table's " + name + " is no struct");
            }
            RowData value = row.isNullAt(pos) ? null : row.getRow(pos, layout.arities.get(name));
            return new RowFields(value, nested);
        }
    }
}
