package io.strata.silver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.silver.EntityMeta;
import io.strata.silver.config.CanonicalField;
import io.strata.silver.testing.BronzeEvents;
import io.strata.silver.testing.TenantFiles;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests per tenant and schema version ({@code src/test/resources/golden/*.yaml}): a payload
 * as the generator renders it → exactly these canonical rows, hash diffs included, or exactly this
 * refusal. Every row also carries the lineage of its Bronze event and the config version.
 */
class GoldenTest {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES =
            List.of("acme-1.0", "globex-1", "globex-2", "initech-3.2");
    private static final SilverExtractor EXTRACTOR = TenantFiles.extractor();

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in =
                    GoldenTest.class.getResourceAsStream("/golden/" + file + ".yaml")) {
                JsonNode doc = YAML.readTree(in);
                for (JsonNode c : doc.get("cases")) {
                    out.add(Arguments.of(file + ": " + c.get("name").asText(), doc, c));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void payloadGivesExactlyTheseRows(String name, JsonNode doc, JsonNode c) {
        String tenant = doc.get("tenant").asText();
        Instant eventTime = Instant.parse(c.get("event_time").asText());
        BronzeEvent e =
                BronzeEvents.webhook(
                        tenant,
                        "commerce",
                        c.get("record_type").asText(),
                        doc.get("version").asText(),
                        c.get("op").asText(),
                        "golden-1",
                        eventTime,
                        envelope(c),
                        42);

        Extraction x = EXTRACTOR.extract(e, BronzeEvents.PROCESSED_AT);

        JsonNode actual = normalized(render(x));
        JsonNode expected = normalized(c.has("refused") ? c.get("refused") : c.get("rows"));
        assertThat(actual).as("%s%nactual:%n%s", name, yaml(actual)).isEqualTo(expected);
        if (x instanceof Extraction.Rows rows) {
            String version = EXTRACTOR.rules(tenant).configVersion();
            rows.rows().forEach(r -> assertLineage(r.meta(), e, version));
        } else {
            assertThat(((Extraction.Refused) x).configVersion())
                    .isEqualTo(EXTRACTOR.rules(tenant).configVersion());
        }
    }

    private static void assertLineage(EntityMeta m, BronzeEvent e, String configVersion) {
        assertThat(m.getTenantId()).isEqualTo(e.getTenantId());
        assertThat(m.getApp()).isEqualTo("commerce");
        assertThat(m.getSchemaVersion()).isEqualTo(e.getSchemaVersion());
        assertThat(m.getConfigVersion()).isEqualTo(configVersion).hasSize(16);
        assertThat(m.getEventTime()).isEqualTo(e.getEventTime());
        assertThat(m.getSourceEventId()).isEqualTo("golden-1");
        assertThat(m.getSourcePosition()).isEqualTo("raw.webhooks/0/42");
        assertThat(m.getProcessedAt()).isEqualTo(BronzeEvents.PROCESSED_AT);
    }

    private static String envelope(JsonNode c) {
        return "{\"tenant_id\":\"x\",\"payload\":" + c.get("payload").asText() + "}";
    }

    /** The extraction as the golden files write it. */
    static JsonNode render(Extraction x) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (x instanceof Extraction.Refused r) {
            return f.objectNode().put("reason", r.reason().name()).put("detail", r.detail());
        }
        var rows = f.arrayNode();
        for (var row : ((Extraction.Rows) x).rows()) {
            ObjectNode o = rows.addObject();
            o.put("entity", row.entity().entityName()).put("key", row.key());
            o.put("master", row.master()).put("deleted", row.deleted());
            o.put("hash_diff", row.meta().getHashDiff());
            ObjectNode fields = o.putObject("fields");
            for (CanonicalField cf : row.entity().contentFields()) {
                Object v = row.record().get(cf.position());
                if (v == null) {
                    fields.putNull(cf.name());
                } else if (v instanceof Long l) {
                    fields.put(cf.name(), l);
                } else if (v instanceof BigDecimal || v instanceof Instant) {
                    fields.put(cf.name(), v.toString());
                } else {
                    fields.put(cf.name(), v.toString());
                }
            }
        }
        return rows;
    }

    /** Through JSON text, so YAML's and Jackson's number node types compare equal. */
    private static JsonNode normalized(JsonNode n) {
        try {
            return JSON.readTree(String.valueOf(n));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String yaml(JsonNode n) {
        try {
            return YAML.writeValueAsString(n);
        } catch (IOException e) {
            return n.toString();
        }
    }
}
