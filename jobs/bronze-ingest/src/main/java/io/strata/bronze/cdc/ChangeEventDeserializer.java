package io.strata.bronze.cdc;

import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.json.JsonConverter;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;
import org.apache.flink.util.Collector;

/**
 * Turns Debezium's records into {@link ChangeEvent}s: the value is the envelope as Flink CDC's
 * {@code JsonDebeziumDeserializationSchema} writes it (schemas off), the key the primary-key
 * columns in the same JSON. Both stay bytes: that class decodes them with the platform charset,
 * which corrupts non-ASCII text on a JVM whose default is not UTF-8. Decimals are JSON numbers
 * (exact digits), not Connect's base64 bytes. Records without an {@code op} (heartbeats, Debezium's
 * own tombstones) carry no row change and are skipped.
 *
 * <p>Snapshot reads ({@code op=r}) get Debezium's snapshot semantics back: Flink CDC's incremental
 * snapshot reports {@code source.lsn=0}, {@code source.ts_ms=0} and {@code snapshot="false"} for
 * them, which would give every snapshot row of a table the same LSN and an event time of 1970. They
 * carry no LSN (null: a snapshot read has none), the read time as {@code source.ts_ms}, and {@code
 * snapshot="true"}.
 *
 * <p>The Kafka Connect types are those relocated inside the shaded connector jar, as its {@link
 * DebeziumDeserializationSchema} interface demands.
 */
public final class ChangeEventDeserializer implements DebeziumDeserializationSchema<ChangeEvent> {

    private static final long serialVersionUID = 1L;

    private static final String SNAPSHOT_READ = "r";

    private transient JsonConverter keys;
    private transient JsonConverter values;

    @Override
    public void deserialize(SourceRecord record, Collector<ChangeEvent> out) {
        if (!(record.value() instanceof Struct envelope) || envelope.schema().field("op") == null) {
            return;
        }
        if (values == null) {
            keys = converter("key");
            values = converter("value");
        }
        Struct source = envelope.getStruct("source");
        String op = envelope.getString("op");
        if (SNAPSHOT_READ.equals(op)) {
            markSnapshotRead(envelope, source);
        }
        byte[] key =
                record.key() == null
                        ? null
                        : keys.fromConnectData(record.topic(), record.keySchema(), record.key());
        out.collect(
                new ChangeEvent(
                        source.getString("schema"),
                        source.getString("table"),
                        op,
                        key,
                        values.fromConnectData(
                                record.topic(), record.valueSchema(), record.value())));
    }

    @Override
    public TypeInformation<ChangeEvent> getProducedType() {
        return ChangeEvent.TYPE;
    }

    private static void markSnapshotRead(Struct envelope, Struct source) {
        source.put("lsn", null);
        Long readAt = envelope.getInt64("ts_ms");
        source.put("ts_ms", readAt != null ? readAt : System.currentTimeMillis());
        source.put("snapshot", "true");
    }

    private static JsonConverter converter(String type) {
        JsonConverter converter = new JsonConverter();
        converter.configure(
                Map.of(
                        "converter.type",
                        type,
                        "schemas.enable",
                        false,
                        "decimal.format",
                        "NUMERIC"));
        return converter;
    }
}
