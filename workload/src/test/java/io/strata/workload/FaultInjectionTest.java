package io.strata.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.model.QuarantineReason;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.oracle.OracleOptions;
import io.strata.workload.oracle.Outcome;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.raw.RawRecord.Copy;
import io.strata.workload.raw.RawRecord.Delay;
import io.strata.workload.raw.RawTopics;
import io.strata.workload.render.RecordRenderer;
import io.strata.workload.truth.Op;
import io.strata.workload.truth.Tenants;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Duplicates, disorder, lateness and malformed records appear at the configured rates, as stated.
 */
class FaultInjectionTest {

    private static final double DUPLICATE_RATE = 0.05;
    private static final double OUT_OF_ORDER_RATE = 0.06;
    private static final double LATE_RATE = 0.03;
    private static final double MALFORMED_RATE = 0.09;
    private static final int MAX_BYTES = 8_192;

    private static WorkloadParams params;
    private static List<RawRecord> records;

    @BeforeAll
    static void generate() {
        params =
                TestWorkloads.small(3, 40_000)
                        .set(WorkloadOptions.DUPLICATE_RATE, DUPLICATE_RATE)
                        .set(WorkloadOptions.OUT_OF_ORDER_RATE, OUT_OF_ORDER_RATE)
                        .set(WorkloadOptions.LATE_RATE, LATE_RATE)
                        .set(WorkloadOptions.MALFORMED_RATE, MALFORMED_RATE)
                        .build();
        records = TestWorkloads.records(params);
    }

    @Test
    void ratesMatchTheParameters() {
        long originals = records.stream().filter(r -> !r.isDuplicate()).count();
        long deletes =
                records.stream()
                        .filter(r -> !r.isDuplicate() && r.truth().op() == Op.DELETE)
                        .count();
        long malformed = records.stream().filter(r -> r.fault() != null).count();
        long valid = originals - malformed;
        long duplicates = records.stream().filter(RawRecord::isDuplicate).count();
        long late = count(r -> r.delay() == Delay.LATE);
        long outOfOrder = count(r -> r.delay() == Delay.OUT_OF_ORDER);

        assertThat(originals).isEqualTo(params.events());
        assertThat((double) malformed / (originals - deletes))
                .isCloseTo(MALFORMED_RATE, within(0.01));
        assertThat((double) duplicates / valid).isCloseTo(DUPLICATE_RATE, within(0.008));
        assertThat((double) late / valid).isCloseTo(LATE_RATE, within(0.006));
        assertThat((double) outOfOrder / valid).isCloseTo(OUT_OF_ORDER_RATE, within(0.008));
        long exact = records.stream().filter(r -> r.copy() == Copy.EXACT_DUPLICATE).count();
        assertThat((double) exact / duplicates).isCloseTo(0.5, within(0.08));
    }

    @Test
    void malformedRecordsSplitAcrossEveryReason() {
        Map<QuarantineReason, Long> byReason = new EnumMap<>(QuarantineReason.class);
        records.stream()
                .filter(r -> r.fault() != null)
                .forEach(r -> byReason.merge(r.fault(), 1L, Long::sum));
        long malformed = byReason.values().stream().mapToLong(Long::longValue).sum();

        assertThat(byReason).containsOnlyKeys(FaultMix.SUPPORTED);
        byReason.values()
                .forEach(n -> assertThat((double) n / malformed).isCloseTo(1.0 / 9, within(0.03)));
    }

    @ParameterizedTest(name = "lateness tracked per {0}")
    @ValueSource(ints = {0, 2})
    void lateRecordsAreLateAndOutOfOrderRecordsAreNot(int partitions) {
        OracleOptions options =
                Workload.of(params).oracleOptions().withLatenessPerPartition(partitions);
        Oracle oracle = new Oracle(options);
        long lateIntended = 0;
        long lateFlagged = 0;
        for (RawRecord r : records) {
            Outcome o = oracle.accept(r);
            if (o.acceptedInBronze() && r.delay() == Delay.LATE) {
                lateIntended++;
                lateFlagged += o.late() ? 1 : 0;
            }
            if (r.delay() != Delay.LATE) {
                assertThat(o.late()).as("record %d delayed %s", r.position(), r.delay()).isFalse();
            }
        }
        // Only late records held past the end of the run may miss the flag.
        assertThat(lateFlagged).isGreaterThan(lateIntended * 95 / 100);
    }

    @Test
    void exactDuplicatesRepeatTheBytesAndReencodedOnesOnlyTheContent() {
        Map<String, RawRecord> originals = new HashMap<>();
        for (RawRecord r : records) {
            if (r.copy() == Copy.ORIGINAL && r.fault() == null) {
                originals.put(r.eventId(), r);
            } else if (r.isDuplicate()) {
                RawRecord original = originals.get(r.eventId());
                assertThat(original).as("a duplicate follows its original").isNotNull();
                assertThat(r.position()).isGreaterThan(original.position());
                assertThat(r.key()).isEqualTo(original.key());
                if (r.copy() == Copy.EXACT_DUPLICATE) {
                    assertThat(r.value()).isEqualTo(original.value());
                } else {
                    assertThat(r.value()).isNotEqualTo(original.value());
                    assertThat(TestWorkloads.parse(r.value()))
                            .isEqualTo(TestWorkloads.parse(original.value()));
                }
            }
        }
    }

    @Test
    void validRecordsFitTheSizeLimitAndAreValidUtf8Json() {
        for (RawRecord r : records) {
            if (r.fault() == null) {
                assertThat(r.value().length).isLessThanOrEqualTo(MAX_BYTES);
                JsonNode e = TestWorkloads.parse(r.value());
                assertThat(e.get("tenant_id").asText())
                        .isEqualTo(new String(r.key(), StandardCharsets.UTF_8));
            }
        }
    }

    /** Each malformed record differs from its valid rendering in exactly the stated way. */
    @Test
    void malformedRecordsAreBrokenExactlyAsStated() {
        RecordRenderer renderer = new RecordRenderer(MAX_BYTES);
        for (RawRecord r : records) {
            if (r.fault() == null) {
                continue;
            }
            byte[] validBytes = renderer.value(r.truth(), null, false);
            ObjectNode valid = (ObjectNode) TestWorkloads.parse(validBytes);
            switch (r.fault()) {
                case INVALID_JSON -> {
                    assertThat(validBytes).startsWith(r.value());
                    assertThat(r.value().length).isLessThan(validBytes.length);
                    assertThatThrownBy(() -> TestWorkloads.JSON.readTree(r.value())).isNotNull();
                }
                case INVALID_UTF8 -> {
                    assertThatThrownBy(() -> strictUtf8(r.value()))
                            .isInstanceOf(CharacterCodingException.class);
                    assertThat(withoutInvalidBytes(r.value())).isEqualTo(validBytes);
                }
                case MISSING_TENANT -> {
                    assertThat(r.key()).isNull();
                    assertThat(r.tenant()).isEqualTo(RawTopics.UNATTRIBUTED);
                    assertThat(envelopeWithout(r, "tenant_id"))
                            .isEqualTo(without(valid, "tenant_id"));
                }
                case MISSING_EVENT_ID -> {
                    assertThat(r.eventId()).isNull();
                    assertThat(envelopeWithout(r, "event_id"))
                            .isEqualTo(without(valid, "event_id"));
                }
                case UNKNOWN_TENANT -> {
                    assertThat(r.tenant()).isEqualTo(Tenants.UNKNOWN_TENANT);
                    assertThat(TestWorkloads.parse(r.value()))
                            .isEqualTo(valid.put("tenant_id", Tenants.UNKNOWN_TENANT));
                }
                case UNKNOWN_SCHEMA_VERSION ->
                        assertThat(TestWorkloads.parse(r.value()))
                                .isEqualTo(
                                        valid.put(
                                                "schema_version", Tenants.UNKNOWN_SCHEMA_VERSION));
                case OVERSIZED_PAYLOAD -> {
                    assertThat(r.value().length).isGreaterThan(MAX_BYTES);
                    ObjectNode broken = (ObjectNode) TestWorkloads.parse(r.value());
                    ((ObjectNode) broken.get("payload")).remove("attachment");
                    assertThat(broken).isEqualTo(valid);
                }
                case NULL_KEY ->
                        assertThat(changedLeaves(valid, TestWorkloads.parse(r.value())))
                                .isNotEmpty()
                                .allSatisfy(change -> assertThat(change).endsWith("-> null"));
                case TYPE_COERCION_FAILED ->
                        assertThat(changedLeaves(valid, TestWorkloads.parse(r.value())))
                                .singleElement()
                                .satisfies(
                                        change ->
                                                assertThat(change)
                                                        .containsAnyOf(
                                                                "-> \"abc\"", "-> \"not-a-date\""));
                default -> throw new AssertionError("unexpected fault " + r.fault());
            }
        }
    }

    private static long count(java.util.function.Predicate<RawRecord> p) {
        return records.stream()
                .filter(r -> !r.isDuplicate() && r.fault() == null)
                .filter(p)
                .count();
    }

    private static JsonNode envelopeWithout(RawRecord r, String field) {
        ObjectNode e = (ObjectNode) TestWorkloads.parse(r.value());
        assertThat(e.path(field).isMissingNode() || e.get(field).isNull())
                .as(field + " missing or null")
                .isTrue();
        return without(e, field);
    }

    private static JsonNode without(ObjectNode node, String field) {
        ObjectNode copy = node.deepCopy();
        copy.remove(field);
        return copy;
    }

    private static void strictUtf8(byte[] bytes) throws CharacterCodingException {
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
    }

    private static byte[] withoutInvalidBytes(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        int n = 0;
        for (byte b : bytes) {
            if (b != (byte) 0xFF) {
                out[n++] = b;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Leaves whose values differ, as "path: old -> new". */
    private static List<String> changedLeaves(JsonNode before, JsonNode after) {
        List<String> out = new ArrayList<>();
        diff("", before, after, out);
        return out;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a.isContainerNode() && b.isContainerNode() && a.size() == b.size()) {
            Iterator<String> names = a.isObject() ? a.fieldNames() : null;
            for (int i = 0; i < a.size(); i++) {
                String name = names != null ? names.next() : null;
                JsonNode ca = name != null ? a.get(name) : a.get(i);
                JsonNode cb = name != null ? b.get(name) : b.get(i);
                if (cb == null) {
                    out.add(path + "/" + name + " missing");
                } else {
                    diff(path + "/" + (name != null ? name : i), ca, cb, out);
                }
            }
        } else if (!a.equals(b)) {
            out.add(path + ": " + a + " -> " + b);
        }
    }
}
