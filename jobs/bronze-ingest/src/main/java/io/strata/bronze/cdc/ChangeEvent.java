package io.strata.bronze.cdc;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * One row change as Debezium reported it: where it happened, its op, and the Kafka key and value
 * already serialized as JSON (UTF-8). A Flink POJO, so it crosses operators without Kryo.
 */
public class ChangeEvent {

    public static final TypeInformation<ChangeEvent> TYPE = TypeInformation.of(ChangeEvent.class);

    /** Postgres schema of the table. */
    public String schema;

    public String table;

    /** Debezium op: r (snapshot read), c, u or d. */
    public String op;

    /** The primary key as a JSON object; null for a table without one. */
    public byte[] key;

    /** The Debezium envelope (before, after, source, op, ts_ms) as JSON. */
    public byte[] value;

    public ChangeEvent() {}

    public ChangeEvent(String schema, String table, String op, byte[] key, byte[] value) {
        this.schema = schema;
        this.table = table;
        this.op = op;
        this.key = key;
        this.value = value;
    }

    public boolean isDelete() {
        return "d".equals(op);
    }
}
