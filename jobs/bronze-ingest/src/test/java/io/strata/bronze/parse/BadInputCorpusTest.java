package io.strata.bronze.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bronze.BronzeIngestOptions;
import io.strata.common.kafka.RawKafkaRecord;
import io.strata.testing.badinput.BadInputCorpus;
import io.strata.testing.badinput.BadRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** Each kind of the bad-input corpus through the parser alone, with the job's default options. */
class BadInputCorpusTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final EnvelopeParser parser =
            new EnvelopeParser(ParserSettings.from(new Configuration(), "bronze-ingest"));

    @Test
    void everyKindGetsItsExpectedFateAndTenant() {
        for (BadRecord b : BadInputCorpus.of("bronze-ingest")) {
            String fate = fate(parser.parse(raw(b), NOW));
            assertThat(fate).as(b.kind()).isEqualTo(b.expect() + ":" + b.tenant());
        }
    }

    @Test
    void theCorpusHasAtLeastFifteenKindsAndTheDefaultsItAssumes() {
        assertThat(BadInputCorpus.of("bronze-ingest")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(BronzeIngestOptions.MAX_RECORD_SIZE.defaultValue().getBytes())
                .isEqualTo(1024 * 1024);
    }

    private static String fate(ParseResult result) {
        if (result instanceof ParseResult.Accepted a) {
            return "BRONZE:" + a.event().getTenantId();
        }
        if (result instanceof ParseResult.Refused r) {
            return r.quarantine().getReason() + ":" + r.quarantine().getTenantId();
        }
        return "TOMBSTONE:null";
    }

    private static RawKafkaRecord raw(BadRecord b) {
        String topic = b.topic().equals("cdc") ? "cdc.public.customers" : "raw.webhooks";
        byte[] key = b.key() == null ? null : b.key().getBytes(StandardCharsets.UTF_8);
        return new RawKafkaRecord(topic, 0, 0, NOW.toEpochMilli(), key, b.value());
    }
}
