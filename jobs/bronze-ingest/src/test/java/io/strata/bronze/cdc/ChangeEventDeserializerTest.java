package io.strata.bronze.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Decimal;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** Debezium records in the shape Flink CDC's Postgres source hands them over. */
class ChangeEventDeserializerTest {

    private static final long COMMIT_TIME = 1_767_607_200_000L;
    private static final long PROCESSING_TIME = COMMIT_TIME + 150;

    private static final Schema KEY =
            SchemaBuilder.struct()
                    .field("tenant_id", Schema.STRING_SCHEMA)
                    .field("customer_id", Schema.INT64_SCHEMA)
                    .build();
    private static final Schema ROW =
            SchemaBuilder.struct()
                    .optional()
                    .field("tenant_id", Schema.STRING_SCHEMA)
                    .field("customer_id", Schema.INT64_SCHEMA)
                    .field("full_name", Schema.OPTIONAL_STRING_SCHEMA)
                    .field("credit_limit", Decimal.schema(2))
                    .build();
    private static final Schema SOURCE =
            SchemaBuilder.struct()
                    .field("schema", Schema.STRING_SCHEMA)
                    .field("table", Schema.STRING_SCHEMA)
                    .field("ts_ms", Schema.INT64_SCHEMA)
                    .field(
                            "snapshot",
                            SchemaBuilder.string().optional().defaultValue("false").build())
                    .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
                    .build();
    private static final Schema ENVELOPE =
            SchemaBuilder.struct()
                    .field("before", ROW)
                    .field("after", ROW)
                    .field("source", SOURCE)
                    .field("op", Schema.STRING_SCHEMA)
                    .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                    .build();

    private final ChangeEventDeserializer deserializer = new ChangeEventDeserializer();

    @Test
    void keyIsThePrimaryKeyAndValueTheEnvelopeWithExactDecimalsInUtf8() throws Exception {
        ChangeEvent event = single(change("c", 24_023_128L, row(7, "Zoë Ångström", "1234.50")));

        assertThat(event.schema).isEqualTo("platform");
        assertThat(event.table).isEqualTo("customers");
        assertThat(event.op).isEqualTo("c");
        assertThat(text(event.key)).isEqualTo("{\"tenant_id\":\"acme\",\"customer_id\":7}");
        assertThat(text(event.value))
                .isEqualTo(
                        "{\"before\":null,\"after\":{\"tenant_id\":\"acme\",\"customer_id\":7,"
                                + "\"full_name\":\"Zoë Ångström\",\"credit_limit\":1234.50},"
                                + "\"source\":{\"schema\":\"platform\",\"table\":\"customers\","
                                + "\"ts_ms\":"
                                + COMMIT_TIME
                                + ",\"snapshot\":\"false\",\"lsn\":24023128},\"op\":\"c\","
                                + "\"ts_ms\":"
                                + PROCESSING_TIME
                                + "}");
    }

    @Test
    void snapshotReadsHaveNoLsnTheirReadTimeAndSaySnapshot() throws Exception {
        // What Flink CDC's incremental snapshot reports for a snapshot read.
        SourceRecord read = change("r", 0L, row(7, "Ann", "10.00"));
        ((Struct) read.value()).getStruct("source").put("ts_ms", 0L);

        String value = text(single(read).value);

        assertThat(value)
                .contains(
                        "\"source\":{\"schema\":\"platform\",\"table\":\"customers\",\"ts_ms\":"
                                + PROCESSING_TIME
                                + ",\"snapshot\":\"true\",\"lsn\":null}");
    }

    @Test
    void recordsWithoutARowChangeAreSkipped() throws Exception {
        Schema heartbeat = SchemaBuilder.struct().field("ts_ms", Schema.INT64_SCHEMA).build();
        SourceRecord beat =
                new SourceRecord(
                        Map.of(),
                        Map.of(),
                        "__debezium-heartbeat",
                        heartbeat,
                        new Struct(heartbeat).put("ts_ms", COMMIT_TIME));
        SourceRecord tombstone = new SourceRecord(Map.of(), Map.of(), "t", KEY, key(7), null, null);

        assertThat(all(beat)).isEmpty();
        assertThat(all(tombstone)).isEmpty();
    }

    @Test
    void aTableWithoutPrimaryKeyHasANullKey() throws Exception {
        SourceRecord keyless = change("c", 1L, row(1, "x", "0.00"));
        SourceRecord withoutKey =
                new SourceRecord(
                        Map.of(),
                        Map.of(),
                        keyless.topic(),
                        null,
                        null,
                        keyless.valueSchema(),
                        keyless.value());

        assertThat(single(withoutKey).key).isNull();
    }

    private static SourceRecord change(String op, long lsn, Struct after) {
        Struct source =
                new Struct(SOURCE)
                        .put("schema", "platform")
                        .put("table", "customers")
                        .put("ts_ms", COMMIT_TIME)
                        .put("lsn", lsn);
        Struct envelope =
                new Struct(ENVELOPE)
                        .put("after", after)
                        .put("source", source)
                        .put("op", op)
                        .put("ts_ms", PROCESSING_TIME);
        return new SourceRecord(
                Map.of(),
                Map.of(),
                "postgres_cdc_source.platform.customers",
                KEY,
                key(after.getInt64("customer_id")),
                ENVELOPE,
                envelope);
    }

    private static Struct key(long customer) {
        return new Struct(KEY).put("tenant_id", "acme").put("customer_id", customer);
    }

    private static Struct row(long customer, String name, String creditLimit) {
        return new Struct(ROW)
                .put("tenant_id", "acme")
                .put("customer_id", customer)
                .put("full_name", name)
                .put("credit_limit", new BigDecimal(creditLimit));
    }

    private ChangeEvent single(SourceRecord record) throws Exception {
        List<ChangeEvent> events = all(record);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private List<ChangeEvent> all(SourceRecord record) throws Exception {
        List<ChangeEvent> out = new ArrayList<>();
        deserializer.deserialize(record, new ListCollector<>(out));
        return out;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
