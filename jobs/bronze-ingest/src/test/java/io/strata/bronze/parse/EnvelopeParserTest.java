package io.strata.bronze.parse;

import static io.strata.bronze.RawRecords.CDC_TOPIC;
import static io.strata.bronze.RawRecords.MONDAY_10AM;
import static io.strata.bronze.RawRecords.MONDAY_11AM;
import static io.strata.bronze.RawRecords.MONDAY_9AM;
import static io.strata.bronze.RawRecords.RAW_TOPIC;
import static io.strata.bronze.RawRecords.debezium;
import static io.strata.bronze.RawRecords.platform;
import static io.strata.bronze.RawRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bronze.RawRecords;
import io.strata.common.kafka.RawKafkaRecord;
import io.strata.model.QuarantineReason;
import io.strata.model.SourceKind;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.bronze.Operation;
import io.strata.model.ops.QuarantineRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeParserTest {

    static final ParserSettings SETTINGS =
            new ParserSettings(
                    "bronze-ingest",
                    2048,
                    100,
                    "cdc.",
                    "tenant_id",
                    List.of("id"),
                    true,
                    16,
                    Duration.ofDays(1));

    private final EnvelopeParser parser = new EnvelopeParser(SETTINGS);

    @Test
    void acceptsPlatformEnvelopeKeepingTheRawRecordVerbatim() {
        RawKafkaRecord raw = platform("acme", "e-1", MONDAY_9AM).on(RAW_TOPIC, 1, 42, "acme");

        BronzeEvent event = accepted(raw);

        assertThat(event.getTenantId()).isEqualTo("acme");
        assertThat(event.getEventId()).isEqualTo("e-1");
        assertThat(event.getApp()).isEqualTo("commerce");
        assertThat(event.getRecordType()).isEqualTo("sales_order");
        assertThat(event.getSchemaVersion()).isEqualTo("1.0");
        assertThat(event.getOp()).isEqualTo(Operation.CREATE);
        assertThat(event.getEventTime()).isEqualTo(MONDAY_9AM);
        assertThat(event.getIngestTime()).isEqualTo(MONDAY_11AM);
        assertThat(event.getPayload()).isEqualTo(new String(raw.value, StandardCharsets.UTF_8));
        assertThat(event.getChecksum()).isEqualTo(sha256(raw.value));
        assertThat(event.getLate()).isFalse();
        assertThat(event.getSource().getKind()).isEqualTo(SourceKind.WEBHOOK);
        assertThat(event.getSource().getTopic()).isEqualTo(RAW_TOPIC);
        assertThat(event.getSource().getPartition()).isEqualTo(1);
        assertThat(event.getSource().getOffset()).isEqualTo(42L);
        assertThat(event.getSource().getCdcLsn()).isNull();
    }

    @Test
    void acceptsEventTimesWithOffsetOrInEpochMillis() {
        assertThat(
                        accepted(
                                        platform("acme", "e", MONDAY_9AM)
                                                .with("event_time", "2026-11-16T11:00:00+02:00")
                                                .on(RAW_TOPIC, 0, 0, null))
                                .getEventTime())
                .isEqualTo(MONDAY_9AM);
        assertThat(
                        accepted(
                                        platform("acme", "e", MONDAY_9AM)
                                                .with("event_time", MONDAY_10AM.toEpochMilli())
                                                .on(RAW_TOPIC, 0, 0, null))
                                .getEventTime())
                .isEqualTo(MONDAY_10AM);
    }

    @Test
    void unknownOperationIsKeptAsUnknown() {
        assertThat(
                        accepted(
                                        platform("acme", "e", MONDAY_9AM)
                                                .with("op", "merge")
                                                .on(RAW_TOPIC, 0, 0, null))
                                .getOp())
                .isEqualTo(Operation.UNKNOWN);
    }

    @Test
    void truncatedJsonIsInvalidAndKeepsTheTenantReadBeforeTheBreak() {
        byte[] whole = platform("acme", "e-1", MONDAY_9AM).bytes();
        byte[] truncated = Arrays.copyOf(whole, whole.length - 10);

        QuarantineRecord q = refused(record(RAW_TOPIC, 0, 7, null, truncated));

        assertThat(q.getReason()).isEqualTo(QuarantineReason.INVALID_JSON);
        assertThat(q.getTenantId()).isEqualTo("acme");
        assertThat(q.getRawSha256()).isEqualTo(sha256(truncated));
        assertThat(q.getSource().getOffset()).isEqualTo(7L);
    }

    @Test
    void unreadableRecordsAreAttributedToTheTenantInTheirKey() {
        byte[] garbage = "{\"x\": tru".getBytes(StandardCharsets.UTF_8);

        assertThat(refused(record(RAW_TOPIC, 0, 0, "globex", garbage)).getTenantId())
                .isEqualTo("globex");
        assertThat(refused(record(RAW_TOPIC, 0, 0, null, garbage)).getTenantId()).isNull();
        assertThat(refused(record(CDC_TOPIC, 0, 0, "{\"id\":1}", garbage)).getTenantId())
                .as("CDC keys are primary keys, not tenants")
                .isNull();
    }

    @Test
    void invalidUtf8IsRefusedBeforeParsing() {
        byte[] value = platform("acme", "e-1", MONDAY_9AM).bytes();
        byte[] broken = Arrays.copyOf(value, value.length);
        int at = new String(value, StandardCharsets.UTF_8).indexOf("payload");
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28;

        QuarantineRecord q = refused(record(RAW_TOPIC, 0, 0, "acme", broken));

        assertThat(q.getReason()).isEqualTo(QuarantineReason.INVALID_UTF8);
        assertThat(q.getTenantId()).isEqualTo("acme");
        assertThat(bytes(q)).isEqualTo(Arrays.copyOf(broken, 100));
    }

    @Test
    void oversizedRecordsAreRefusedUnparsedWithTruncatedRawAndWholeChecksum() {
        byte[] big =
                platform("acme", "e-1", MONDAY_9AM).with("attachment", "Q".repeat(3000)).bytes();

        QuarantineRecord q = refused(record(RAW_TOPIC, 0, 0, "acme", big));

        assertThat(q.getReason()).isEqualTo(QuarantineReason.OVERSIZED_PAYLOAD);
        assertThat(q.getReasonDetail()).contains("over the limit of 2048", "truncated to 100 of");
        assertThat(bytes(q)).hasSize(100).isEqualTo(Arrays.copyOf(big, 100));
        assertThat(q.getRawSha256()).isEqualTo(sha256(big));
    }

    @Test
    void missingNullOrBlankTenantIsRefused() {
        for (Object tenant : new Object[] {null, " "}) {
            QuarantineRecord q =
                    refused(
                            platform("x", "e", MONDAY_9AM)
                                    .with("tenant_id", tenant)
                                    .on(RAW_TOPIC, 0, 0, null));
            assertThat(q.getReason()).isEqualTo(QuarantineReason.MISSING_TENANT);
        }
        assertThat(
                        refused(
                                        platform("x", "e", MONDAY_9AM)
                                                .without("tenant_id")
                                                .on(RAW_TOPIC, 0, 0, null))
                                .getReason())
                .isEqualTo(QuarantineReason.MISSING_TENANT);
    }

    @Test
    void missingEventIdIsRefusedWithItsTenant() {
        QuarantineRecord q =
                refused(
                        platform("acme", "e", MONDAY_9AM)
                                .without("event_id")
                                .on(RAW_TOPIC, 0, 0, null));

        assertThat(q.getReason()).isEqualTo(QuarantineReason.MISSING_EVENT_ID);
        assertThat(q.getTenantId()).isEqualTo("acme");
        assertThat(q.getRecordType()).isEqualTo("sales_order");
    }

    @Test
    void missingOrUnreadableEventTimeIsRefused() {
        assertThat(
                        refused(
                                        platform("acme", "e", MONDAY_9AM)
                                                .without("event_time")
                                                .on(RAW_TOPIC, 0, 0, null))
                                .getReason())
                .isEqualTo(QuarantineReason.MISSING_REQUIRED_FIELD);
        assertThat(
                        refused(
                                        platform("acme", "e", MONDAY_9AM)
                                                .with("event_time", "yesterday")
                                                .on(RAW_TOPIC, 0, 0, null))
                                .getReason())
                .isEqualTo(QuarantineReason.TYPE_COERCION_FAILED);
    }

    @Test
    void wellFormedJsonThatIsNotAnObjectIsAnUnsupportedEnvelope() {
        assertThat(reason("[1, 2, 3]")).isEqualTo(QuarantineReason.UNSUPPORTED_ENVELOPE);
        assertThat(reason("\"text\"")).isEqualTo(QuarantineReason.UNSUPPORTED_ENVELOPE);
        assertThat(reason("[1, 2")).isEqualTo(QuarantineReason.INVALID_JSON);
    }

    @Test
    void emptyOrTrailingJsonIsInvalid() {
        assertThat(reason("")).isEqualTo(QuarantineReason.INVALID_JSON);
        assertThat(reason("{\"tenant_id\":\"acme\"} {")).isEqualTo(QuarantineReason.INVALID_JSON);
        assertThat(reason("[".repeat(1001) + "]".repeat(1001)))
                .as("a nesting bomb, however well-formed")
                .isEqualTo(QuarantineReason.NESTING_TOO_DEEP);
    }

    @Test
    void tombstonesAreSkipped() {
        assertThat(parser.parse(record(CDC_TOPIC, 0, 0, "{\"id\":1}", null), MONDAY_11AM))
                .isInstanceOf(ParseResult.Tombstone.class);
    }

    @Test
    void debeziumCreateBecomesAnEventKeyedByTableLsnAndPrimaryKey() {
        RawKafkaRecord raw =
                debezium("c", "acme", 17, 24023128L, MONDAY_9AM).on(CDC_TOPIC, 0, 3, "{\"id\":17}");

        BronzeEvent event = accepted(raw);

        assertThat(event.getEventId()).isEqualTo("public.customers:24023128:17");
        assertThat(event.getTenantId()).isEqualTo("acme");
        assertThat(event.getOp()).isEqualTo(Operation.CREATE);
        assertThat(event.getEventTime()).as("the commit time").isEqualTo(MONDAY_9AM);
        assertThat(event.getApp()).isEqualTo("public");
        assertThat(event.getRecordType()).isEqualTo("customers");
        assertThat(event.getSource().getKind()).isEqualTo(SourceKind.CDC);
        assertThat(event.getSource().getCdcTable()).isEqualTo("public.customers");
        assertThat(event.getSource().getCdcLsn()).isEqualTo(24023128L);
        assertThat(event.getPayload()).isEqualTo(new String(raw.value, StandardCharsets.UTF_8));
    }

    @Test
    void theTablesOwnPrimaryKeyComesFromTheKafkaKey() {
        RawKafkaRecord keyed =
                debezium("u", "acme", 7, 300L, MONDAY_9AM)
                        .on(CDC_TOPIC, 0, 0, "{\"tenant_id\":\"acme\",\"customer_id\":42}");
        RawKafkaRecord connectKey =
                debezium("u", "acme", 7, 300L, MONDAY_9AM)
                        .on(
                                CDC_TOPIC,
                                0,
                                1,
                                "{\"schema\":{\"type\":\"struct\"},\"payload\":{\"customer_id\":42}}");
        RawKafkaRecord unreadableKey =
                debezium("u", "acme", 7, 300L, MONDAY_9AM).on(CDC_TOPIC, 0, 2, "42");

        assertThat(accepted(keyed).getEventId()).isEqualTo("public.customers:300:acme:42");
        assertThat(accepted(connectKey).getEventId()).isEqualTo("public.customers:300:42");
        assertThat(accepted(unreadableKey).getEventId())
                .as("falls back to the key columns of the row image")
                .isEqualTo("public.customers:300:7");
    }

    @Test
    void debeziumDeleteTakesTenantAndKeyFromBefore() {
        BronzeEvent event =
                accepted(debezium("d", "globex", 5, 99L, MONDAY_9AM).on(CDC_TOPIC, 0, 0, null));

        assertThat(event.getOp()).isEqualTo(Operation.DELETE);
        assertThat(event.getTenantId()).isEqualTo("globex");
        assertThat(event.getEventId()).isEqualTo("public.customers:99:5");
    }

    @Test
    void debeziumWrappedInSchemaAndPayloadIsUnwrapped() {
        RawRecords.Json inner = debezium("u", "acme", 8, 77L, MONDAY_9AM);
        RawKafkaRecord raw =
                new RawRecords.Json()
                        .with("schema", Map.of("type", "struct"))
                        .with("payload", inner.fields)
                        .on(CDC_TOPIC, 0, 0, null);

        assertThat(accepted(raw).getEventId()).isEqualTo("public.customers:77:8");
        assertThat(accepted(raw).getOp()).isEqualTo(Operation.UPDATE);
    }

    @Test
    void snapshotRowsWithoutLsnAreIdentifiedByTheirContent() {
        BronzeEvent first =
                accepted(debezium("r", "acme", 3, null, MONDAY_9AM).on(CDC_TOPIC, 0, 0, null));
        BronzeEvent again =
                accepted(debezium("r", "acme", 3, null, MONDAY_10AM).on(CDC_TOPIC, 0, 9, null));
        BronzeEvent changed =
                accepted(
                        debezium("r", "acme", 3, null, MONDAY_10AM)
                                .with("after", Map.of("id", 3, "tenant_id", "acme", "name", "Bob"))
                                .on(CDC_TOPIC, 0, 10, null));

        assertThat(first.getEventId()).matches("public\\.customers:r[0-9a-f]{16}:3");
        assertThat(again.getEventId()).isEqualTo(first.getEventId());
        assertThat(changed.getEventId()).isNotEqualTo(first.getEventId());
    }

    @Test
    void debeziumRowsWithoutTenantOrKeyAreRefused() {
        RawRecords.Json noTenant =
                debezium("c", "acme", 1, 5L, MONDAY_9AM)
                        .with("after", Map.of("id", 1, "name", "Ada"));
        RawRecords.Json noKey =
                debezium("c", "acme", 1, 5L, MONDAY_9AM).with("after", Map.of("tenant_id", "acme"));

        assertThat(refused(noTenant.on(CDC_TOPIC, 0, 0, null)).getReason())
                .isEqualTo(QuarantineReason.MISSING_TENANT);
        QuarantineRecord q = refused(noKey.on(CDC_TOPIC, 0, 0, null));
        assertThat(q.getReason()).isEqualTo(QuarantineReason.MISSING_EVENT_ID);
        assertThat(q.getTenantId()).isEqualTo("acme");
    }

    @Test
    void nonRowDebeziumEventsAndPlatformEnvelopesOnCdcTopicsAreUnsupported() {
        RawRecords.Json truncate =
                debezium("t", "acme", 1, 5L, MONDAY_9AM).with("before", null).with("after", null);

        assertThat(refused(truncate.on(CDC_TOPIC, 0, 0, null)).getReason())
                .isEqualTo(QuarantineReason.UNSUPPORTED_ENVELOPE);
        assertThat(refused(platform("acme", "e", MONDAY_9AM).on(CDC_TOPIC, 0, 0, null)).getReason())
                .isEqualTo(QuarantineReason.UNSUPPORTED_ENVELOPE);
    }

    private BronzeEvent accepted(RawKafkaRecord raw) {
        ParseResult result = parser.parse(raw, MONDAY_11AM);
        assertThat(result).isInstanceOf(ParseResult.Accepted.class);
        return ((ParseResult.Accepted) result).event();
    }

    private QuarantineRecord refused(RawKafkaRecord raw) {
        ParseResult result = parser.parse(raw, MONDAY_11AM);
        assertThat(result).isInstanceOf(ParseResult.Refused.class);
        QuarantineRecord q = ((ParseResult.Refused) result).quarantine();
        assertThat(q.getJob()).isEqualTo("bronze-ingest");
        assertThat(q.getQuarantinedAt()).isEqualTo(MONDAY_11AM);
        assertThat(q.getReasonDetail()).isNotBlank();
        return q;
    }

    private QuarantineReason reason(String value) {
        return refused(record(RAW_TOPIC, 0, 0, null, value.getBytes(StandardCharsets.UTF_8)))
                .getReason();
    }

    private static byte[] bytes(QuarantineRecord q) {
        byte[] b = new byte[q.getRaw().remaining()];
        q.getRaw().duplicate().get(b);
        return b;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
