package io.strata.silver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.QuarantineReason;
import io.strata.model.bronze.BronzeEvent;
import io.strata.silver.testing.BronzeEvents;
import io.strata.silver.testing.OracleRows;
import io.strata.silver.testing.SilverTables;
import io.strata.silver.testing.TenantFiles;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oracle.Expectation;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.oracle.Outcome;
import io.strata.workload.oracle.SilverState;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.raw.RawStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator's records, as Bronze accepts them, run through the configuration-driven extractor
 * with the tenant files of {@code schemas/tenants/}: the final Silver state (latest by event time
 * then position, deletes win, lines die with their order) equals the oracle's exactly, and every
 * record the oracle expects Silver to refuse is refused, with the oracle's reason, and no other.
 */
class WorkloadOracleTest {

    private static final List<String> mismatches = new ArrayList<>();
    private static final SilverTables silver = new SilverTables();
    private static final Map<String, Map<QuarantineReason, Long>> refused = new TreeMap<>();
    private static Expectation expected;

    @BeforeAll
    static void run() {
        WorkloadParams params =
                WorkloadParams.builder()
                        .seed(23)
                        .events(4_000)
                        .set(WorkloadOptions.CUSTOMERS, 400)
                        .set(WorkloadOptions.PRODUCTS, 120)
                        .set(WorkloadOptions.FLOW_TIME_SCALE, 0.01)
                        .set(WorkloadOptions.MALFORMED_RATE, 0.06)
                        .set(WorkloadOptions.MAX_RECORD_BYTES, 8_192)
                        .build();
        Oracle oracle = new Oracle(Workload.of(params).oracleOptions());
        SilverExtractor extractor = TenantFiles.extractor();
        for (RawStream records = new RawStream(params); records.hasNext(); ) {
            RawRecord r = records.next();
            Outcome outcome = oracle.accept(r);
            if (outcome.acceptedInBronze()) {
                check(r, outcome, extractor);
            }
        }
        expected = oracle.result();
    }

    private static void check(RawRecord r, Outcome outcome, SilverExtractor extractor) {
        BronzeEvent e = BronzeEvents.fromRaw(r);
        Extraction x = extractor.extract(e, BronzeEvents.PROCESSED_AT);
        QuarantineReason want = outcome.silverQuarantine();
        if (x instanceof Extraction.Refused refusal) {
            refused.computeIfAbsent(r.tenant(), t -> new EnumMap<>(QuarantineReason.class))
                    .merge(refusal.reason(), 1L, Long::sum);
            if (refusal.reason() != want) {
                mismatches.add("#" + r.position() + " refused " + refusal + ", oracle: " + want);
            }
        } else if (want != null) {
            mismatches.add(
                    "#"
                            + r.position()
                            + " accepted, oracle refuses "
                            + want
                            + ": "
                            + r.valueText());
        } else if (x instanceof Extraction.Rows rows) {
            silver.apply(rows.rows(), e.getEventTime().toEpochMilli(), r.position());
        } else {
            mismatches.add("#" + r.position() + " " + x);
        }
    }

    @Test
    void everyRecordIsAcceptedOrRefusedAsTheOracleSays() {
        assertThat(mismatches).isEmpty();
        assertThat(refused).isEqualTo(expected.silverQuarantine());
        assertThat(expected.silverQuarantine().values())
                .flatMap(Map::keySet)
                .contains(
                        QuarantineReason.UNKNOWN_TENANT,
                        QuarantineReason.UNKNOWN_SCHEMA_VERSION,
                        QuarantineReason.NULL_KEY,
                        QuarantineReason.TYPE_COERCION_FAILED);
    }

    @Test
    void finalSilverStateEqualsTheOracles() {
        SilverState want = expected.silver();
        assertThat(OracleRows.customers(silver))
                .containsExactlyInAnyOrderElementsOf(want.customers());
        assertThat(OracleRows.products(silver))
                .containsExactlyInAnyOrderElementsOf(want.products());
        assertThat(OracleRows.orders(silver)).containsExactlyInAnyOrderElementsOf(want.orders());
        assertThat(OracleRows.orderLines(silver))
                .containsExactlyInAnyOrderElementsOf(want.orderLines());
        assertThat(OracleRows.invoices(silver))
                .containsExactlyInAnyOrderElementsOf(want.invoices());
        assertThat(OracleRows.shipments(silver))
                .containsExactlyInAnyOrderElementsOf(want.shipments());
        assertThat(OracleRows.returns(silver)).containsExactlyInAnyOrderElementsOf(want.returns());
        assertThat(OracleRows.tickets(silver)).containsExactlyInAnyOrderElementsOf(want.tickets());
        assertThat(want.counts().values()).allSatisfy(n -> assertThat(n).isPositive());
    }

    /** Same rows in any order; on a difference, names the rows on each side only. */
    private static <R> void assertSameRows(String entity, List<R> actual, List<R> expected) {
        Set<R> extra = new HashSet<>(actual);
        expected.forEach(extra::remove);
        Set<R> missing = new HashSet<>(expected);
        actual.forEach(missing::remove);
        assertThat(extra).as(entity + " rows the oracle does not have").isEmpty();
        assertThat(missing).as(entity + " rows of the oracle not extracted").isEmpty();
        assertThat(actual).as(entity + " rows").hasSameSizeAs(expected);
    }
}
