package io.strata.bronze.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.strata.common.kafka.RawKafkaRecord;
import io.strata.model.QuarantineReason;
import io.strata.model.SourceCoordinates;
import io.strata.model.SourceKind;
import io.strata.model.bronze.BronzeEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Turns one raw Kafka record into a Bronze event or a quarantine row; never throws for bad input.
 * Checks run cheapest first: size, UTF-8, JSON (one streaming pass), then the envelope rules of the
 * topic's kind (Debezium on CDC topics, the platform envelope elsewhere). Not thread-safe: one per
 * operator instance.
 */
public final class EnvelopeParser {

    private final ParserSettings settings;
    private final JsonFactory json;
    private final CharsetDecoder utf8 =
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final Sha256 sha256 = new Sha256();
    private final DebeziumEnvelopeReader debezium;
    private final CdcPrimaryKey primaryKey;
    private final QuarantineRows quarantine;

    public EnvelopeParser(ParserSettings settings) {
        this.settings = settings;
        this.json = JsonLimits.factory(settings.maxNestingDepth());
        this.primaryKey = new CdcPrimaryKey(json);
        this.debezium =
                new DebeziumEnvelopeReader(
                        settings.cdcTenantColumn(), settings.cdcKeyColumns(), sha256);
        this.quarantine = new QuarantineRows(settings, sha256);
    }

    /** The fate of {@code record}, ingested at {@code ingestTime}. */
    public ParseResult parse(RawKafkaRecord record, Instant ingestTime) {
        try {
            return parseOrRefuse(record, ingestTime);
        } catch (RuntimeException e) {
            // A bug must not become a restart loop: keep the record, say what happened.
            return refused(
                    record,
                    Refusal.of(QuarantineReason.OTHER, "Unexpected parser failure: " + e),
                    ingestTime);
        }
    }

    private ParseResult parseOrRefuse(RawKafkaRecord record, Instant ingestTime) {
        byte[] raw = record.value;
        if (raw == null) {
            return new ParseResult.Tombstone();
        }
        if (raw.length > settings.maxRecordBytes()) {
            return refused(
                    record,
                    Refusal.of(
                            QuarantineReason.OVERSIZED_PAYLOAD,
                            "The record has "
                                    + raw.length
                                    + " bytes, over the limit of "
                                    + settings.maxRecordBytes()),
                    ingestTime);
        }
        String text = decodeUtf8(raw);
        if (text == null) {
            return refused(
                    record,
                    Refusal.of(QuarantineReason.INVALID_UTF8, "The record is not valid UTF-8"),
                    ingestTime);
        }
        EnvelopeRead read = isCdc(record) ? readDebezium(raw, record.key) : readPlatform(raw);
        if (read instanceof Envelope envelope) {
            read = EventTimeRange.check(envelope, ingestTime, settings.maxEventTimeAhead());
        }
        if (read instanceof Refusal refusal) {
            return refused(record, refusal, ingestTime);
        }
        return new ParseResult.Accepted(event((Envelope) read, record, text, ingestTime));
    }

    private boolean isCdc(RawKafkaRecord record) {
        return record.topic.startsWith(settings.cdcTopicPrefix());
    }

    private EnvelopeRead readPlatform(byte[] raw) {
        PlatformEnvelopeReader.Fields fields = new PlatformEnvelopeReader.Fields();
        try (JsonParser p = json.createParser(raw)) {
            Refusal notObject = requireObject(p);
            if (notObject != null) {
                return notObject;
            }
            PlatformEnvelopeReader.read(p, fields);
            requireEnd(p);
        } catch (IOException e) {
            return JsonLimits.refusal(e, fields.tenantId);
        }
        return PlatformEnvelopeReader.validate(fields);
    }

    private EnvelopeRead readDebezium(byte[] raw, byte[] kafkaKey) {
        DebeziumEnvelopeReader.Fields fields = new DebeziumEnvelopeReader.Fields();
        try (JsonParser p = json.createParser(raw)) {
            Refusal notObject = requireObject(p);
            if (notObject != null) {
                return notObject;
            }
            debezium.read(p, fields);
            requireEnd(p);
        } catch (IOException e) {
            return JsonLimits.refusal(e, fields.tenantId());
        }
        return debezium.validate(fields, raw, primaryKey.of(kafkaKey));
    }

    /** Null when the parser stands on an object; a refusal for other well-formed JSON. */
    private static Refusal requireObject(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new JsonProcessingException("The record is empty") {};
        }
        if (first == JsonToken.START_OBJECT) {
            return null;
        }
        p.skipChildren();
        requireEnd(p);
        return Refusal.of(
                QuarantineReason.UNSUPPORTED_ENVELOPE,
                "The record is JSON but not an object (" + first.asString() + ")");
    }

    private static void requireEnd(JsonParser p) throws IOException {
        JsonToken next = p.nextToken();
        if (next != null) {
            throw new JsonProcessingException("Content after the end of the JSON value") {};
        }
    }

    private String decodeUtf8(byte[] raw) {
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(raw));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private ParseResult refused(RawKafkaRecord record, Refusal refusal, Instant ingestTime) {
        Refusal attributed = refusal;
        if (JsonValues.blank(refusal.tenantId()) && settings.tenantFromKey() && !isCdc(record)) {
            attributed = refusal.withTenant(tenantFromKey(record));
        }
        return new ParseResult.Refused(
                quarantine.of(record, attributed, coordinates(record, null, null), ingestTime));
    }

    private static String tenantFromKey(RawKafkaRecord record) {
        if (record.key == null || record.key.length == 0) {
            return null;
        }
        String key = new String(record.key, StandardCharsets.UTF_8);
        return key.isBlank() ? null : key;
    }

    /**
     * Set field by field rather than through the all-fields constructor, whose signature changes
     * whenever the schema gains a field; fields set later ({@code late}, {@code manifest_id}) keep
     * their defaults, false and null.
     */
    private BronzeEvent event(
            Envelope e, RawKafkaRecord record, String payload, Instant ingestTime) {
        BronzeEvent event = new BronzeEvent();
        event.setEventId(e.eventId());
        event.setTenantId(e.tenantId());
        event.setApp(e.app());
        event.setRecordType(e.recordType());
        event.setSchemaVersion(e.schemaVersion());
        event.setOp(e.op());
        event.setEventTime(e.eventTime());
        event.setIngestTime(ingestTime);
        event.setSource(coordinates(record, e.cdcTable(), e.cdcLsn()));
        event.setPayload(payload);
        event.setChecksum(sha256.hex(record.value));
        return event;
    }

    private SourceCoordinates coordinates(RawKafkaRecord record, String cdcTable, Long cdcLsn) {
        return new SourceCoordinates(
                isCdc(record) ? SourceKind.CDC : SourceKind.WEBHOOK,
                record.topic,
                record.partition,
                record.offset,
                cdcTable,
                cdcLsn);
    }
}
