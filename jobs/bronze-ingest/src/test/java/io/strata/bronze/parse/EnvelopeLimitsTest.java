package io.strata.bronze.parse;

import static io.strata.bronze.RawRecords.CDC_TOPIC;
import static io.strata.bronze.RawRecords.MONDAY_11AM;
import static io.strata.bronze.RawRecords.MONDAY_9AM;
import static io.strata.bronze.RawRecords.RAW_TOPIC;
import static io.strata.bronze.RawRecords.debezium;
import static io.strata.bronze.RawRecords.platform;
import static io.strata.bronze.RawRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.kafka.RawKafkaRecord;
import io.strata.model.QuarantineReason;
import io.strata.model.ops.QuarantineRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The limits beyond well-formed JSON: nesting, duplicate keys, event-time range, number range. */
class EnvelopeLimitsTest {

    private static final Instant YEAR_9999 = Instant.parse("9999-12-31T23:59:59Z");
    private static final Instant BEFORE_1970 = Instant.parse("1969-12-31T23:59:59Z");

    private final EnvelopeParser parser = new EnvelopeParser(EnvelopeParserTest.SETTINGS);

    @Test
    void nestingDeeperThanTheLimitIsANestingBombNotInvalidJson() {
        String bomb = "[".repeat(17) + "]".repeat(17);
        byte[] value = platform("acme", "e", MONDAY_9AM).bytes();
        String text = new String(value, StandardCharsets.UTF_8);
        String nested = text.replace("\"payload\":", "\"payload\":" + bomb + ",\"p\":");

        QuarantineRecord q = refused(raw(nested, "acme"));

        assertThat(q.getReason()).isEqualTo(QuarantineReason.NESTING_TOO_DEEP);
        assertThat(q.getTenantId()).isEqualTo("acme");
        assertThat(q.getReasonDetail()).contains("nesting depth");
    }

    @Test
    void nestingWithinTheLimitIsAccepted() {
        String nested = "[".repeat(14) + "]".repeat(14);
        String text =
                new String(platform("acme", "e", MONDAY_9AM).bytes(), StandardCharsets.UTF_8)
                        .replace("\"payload\":", "\"deep\":" + nested + ",\"payload\":");

        assertThat(parser.parse(raw(text, "acme"), MONDAY_11AM))
                .isInstanceOf(ParseResult.Accepted.class);
    }

    @Test
    void aDuplicateKeyAnywhereMakesTheRecordAmbiguous() {
        String text = new String(platform("acme", "e", MONDAY_9AM).bytes(), StandardCharsets.UTF_8);
        String twoTenants =
                text.replace("{\"tenant_id\":\"acme\",", "{\"tenant_id\":\"acme\",")
                        .replaceFirst("\\}$", ",\"tenant_id\":\"globex\"}");
        String inPayload =
                text.replace("\"orderNo\":\"SO-1\"", "\"orderNo\":\"SO-1\",\"orderNo\":2");

        QuarantineRecord q = refused(raw(twoTenants, "acme"));
        assertThat(q.getReason()).isEqualTo(QuarantineReason.DUPLICATE_JSON_KEY);
        assertThat(q.getTenantId())
                .as("the key's tenant, not either of the envelope's")
                .isEqualTo("acme");
        assertThat(refused(raw(inPayload, "acme")).getReason())
                .isEqualTo(QuarantineReason.DUPLICATE_JSON_KEY);
    }

    @Test
    void eventTimesBefore1970OrFarAheadOfIngestAreOutOfRange() {
        for (Instant time :
                new Instant[] {YEAR_9999, BEFORE_1970, MONDAY_11AM.plus(Duration.ofDays(2))}) {
            QuarantineRecord q =
                    refused(
                            platform("acme", "e", MONDAY_9AM)
                                    .with("event_time", time.toString())
                                    .on(RAW_TOPIC, 0, 0, null));
            assertThat(q.getReason())
                    .as(time.toString())
                    .isEqualTo(QuarantineReason.EVENT_TIME_OUT_OF_RANGE);
            assertThat(q.getTenantId()).isEqualTo("acme");
            assertThat(q.getEventTime()).isNull();
        }
        assertThat(
                        refused(
                                        platform("acme", "e", MONDAY_9AM)
                                                .with("event_time", -1L)
                                                .on(RAW_TOPIC, 0, 0, null))
                                .getReason())
                .isEqualTo(QuarantineReason.EVENT_TIME_OUT_OF_RANGE);
        assertThat(
                        refused(
                                        platform("acme", "e", MONDAY_9AM)
                                                .with("event_time", "+1000000-01-01T00:00:00Z")
                                                .on(RAW_TOPIC, 0, 0, null))
                                .getReason())
                .isEqualTo(QuarantineReason.EVENT_TIME_OUT_OF_RANGE);
        assertThat(
                        parser.parse(
                                platform("acme", "e", MONDAY_9AM)
                                        .with(
                                                "event_time",
                                                MONDAY_11AM.plus(Duration.ofHours(23)).toString())
                                        .on(RAW_TOPIC, 0, 0, null),
                                MONDAY_11AM))
                .as("within a day ahead: clock drift")
                .isInstanceOf(ParseResult.Accepted.class);
    }

    @Test
    void cdcCommitTimesAreCheckedAlike() {
        QuarantineRecord q =
                refused(debezium("c", "acme", 1, 5L, YEAR_9999).on(CDC_TOPIC, 0, 0, null));

        assertThat(q.getReason()).isEqualTo(QuarantineReason.EVENT_TIME_OUT_OF_RANGE);
        assertThat(q.getTenantId()).isEqualTo("acme");
    }

    @Test
    void anEpochMillisBeyondLongIsAWrongTypeNotInvalidJson() {
        String text =
                new String(platform("acme", "e", MONDAY_9AM).bytes(), StandardCharsets.UTF_8)
                        .replaceFirst(
                                "\"event_time\":\"[^\"]*\"",
                                "\"event_time\":99999999999999999999999");

        assertThat(refused(raw(text, "acme")).getReason())
                .isEqualTo(QuarantineReason.TYPE_COERCION_FAILED);
    }

    private static RawKafkaRecord raw(String text, String key) {
        return record(RAW_TOPIC, 0, 0, key, text.getBytes(StandardCharsets.UTF_8));
    }

    private QuarantineRecord refused(RawKafkaRecord raw) {
        ParseResult result = parser.parse(raw, MONDAY_11AM);
        assertThat(result).isInstanceOf(ParseResult.Refused.class);
        return ((ParseResult.Refused) result).quarantine();
    }
}
