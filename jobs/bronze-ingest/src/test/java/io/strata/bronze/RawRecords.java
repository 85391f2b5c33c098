package io.strata.bronze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.common.kafka.RawKafkaRecord;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test data: raw records in the platform and Debezium envelopes, with named instants. */
public final class RawRecords {

    public static final Instant MONDAY_9AM = Instant.parse("2026-11-16T09:00:00Z");
    public static final Instant MONDAY_10AM = Instant.parse("2026-11-16T10:00:00Z");
    public static final Instant MONDAY_11AM = Instant.parse("2026-11-16T11:00:00Z");
    public static final String RAW_TOPIC = "raw.commerce";
    public static final String CDC_TOPIC = "cdc.public.customers";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawRecords() {}

    /** A valid platform envelope of {@code tenant} with an order payload. */
    public static Json platform(String tenant, String eventId, Instant eventTime) {
        Json j = new Json();
        j.fields.put("tenant_id", tenant);
        j.fields.put("app", "commerce");
        j.fields.put("record_type", "sales_order");
        j.fields.put("schema_version", "1.0");
        j.fields.put("event_id", eventId);
        j.fields.put("event_time", eventTime.toString());
        j.fields.put("op", "create");
        j.fields.put(
                "payload",
                Map.of("orderNo", "SO-1", "lines", java.util.List.of(Map.of("sku", "A"))));
        return j;
    }

    /** A Debezium change of {@code public.customers} row {@code id}. */
    public static Json debezium(String op, String tenant, long id, Long lsn, Instant commitTime) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("tenant_id", tenant);
        row.put("name", "Ada");
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("version", "1.9.8.Final");
        source.put("connector", "postgresql");
        source.put("db", "platform");
        source.put("schema", "public");
        source.put("table", "customers");
        source.put("ts_ms", commitTime.toEpochMilli());
        source.put("lsn", lsn);
        Json j = new Json();
        j.fields.put("before", op.equals("d") || op.equals("u") ? row : null);
        j.fields.put("after", op.equals("d") ? null : row);
        j.fields.put("source", source);
        j.fields.put("op", op);
        j.fields.put("ts_ms", commitTime.toEpochMilli() + 5);
        return j;
    }

    /** A JSON object under construction. */
    public static final class Json {
        public final Map<String, Object> fields = new LinkedHashMap<>();

        public Json with(String field, Object value) {
            fields.put(field, value);
            return this;
        }

        public Json without(String field) {
            fields.remove(field);
            return this;
        }

        public byte[] bytes() {
            try {
                return JSON.writeValueAsBytes(fields);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        public RawKafkaRecord on(String topic, int partition, long offset, String key) {
            return record(topic, partition, offset, key, bytes());
        }
    }

    public static RawKafkaRecord record(
            String topic, int partition, long offset, String key, byte[] value) {
        return new RawKafkaRecord(
                topic,
                partition,
                offset,
                MONDAY_11AM.toEpochMilli(),
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value);
    }
}
