package io.strata.workload.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.QuarantineReason;
import io.strata.workload.TestWorkloads;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.raw.RawRecord.Copy;
import io.strata.workload.raw.RawTopics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The oracle's counts reconcile on a generated workload. */
class OracleTest {

    private static final WorkloadParams PARAMS =
            TestWorkloads.small(13, 30_000)
                    .set(io.strata.workload.WorkloadOptions.MALFORMED_RATE, 0.05)
                    .set(io.strata.workload.WorkloadOptions.DUPLICATE_RATE, 0.05)
                    .build();

    @Test
    void inputEqualsBronzePlusDuplicatesPlusQuarantinePerTenant() {
        List<RawRecord> records = TestWorkloads.records(PARAMS);
        Expectation e = Workload.of(PARAMS).expectation();

        Map<String, Long> byKey = new HashMap<>();
        for (RawRecord r : records) {
            String tenant =
                    r.key() == null
                            ? RawTopics.UNATTRIBUTED
                            : new String(r.key(), StandardCharsets.UTF_8);
            byKey.merge(tenant, 1L, Long::sum);
        }
        assertThat(e.inputRecords()).isEqualTo(records.size());
        assertThat(e.bronze().keySet()).containsExactlyInAnyOrderElementsOf(byKey.keySet());
        for (BronzeCounts c : e.bronze().values()) {
            assertThat(c.input()).as(c.tenant()).isEqualTo(byKey.get(c.tenant()));
            assertThat(c.reconciles()).as(c.tenant()).isTrue();
        }
        assertThat(e.bronze())
                .containsKeys("acme", "globex", "initech", RawTopics.UNATTRIBUTED, "umbrella");
    }

    @Test
    void everyMalformedRecordIsQuarantinedOnceAndEveryCopyCountedAsDuplicate() {
        List<RawRecord> records = TestWorkloads.records(PARAMS);
        Expectation e = Workload.of(PARAMS).expectation();
        BronzeCounts total = e.bronzeTotal();
        long silverQuarantined =
                e.silverQuarantine().values().stream()
                        .flatMap(m -> m.values().stream())
                        .mapToLong(Long::longValue)
                        .sum();

        assertThat(total.quarantinedTotal() + silverQuarantined)
                .isEqualTo(records.stream().filter(r -> r.fault() != null).count());
        assertThat(total.duplicates())
                .isEqualTo(records.stream().filter(r -> r.copy() != Copy.ORIGINAL).count());
        assertThat(total.quarantined().keySet()).isEqualTo(OracleOptions.DEFAULT_BRONZE_GATE);
        assertThat(e.silverQuarantine("acme"))
                .containsOnlyKeys(
                        QuarantineReason.NULL_KEY,
                        QuarantineReason.TYPE_COERCION_FAILED,
                        QuarantineReason.UNKNOWN_SCHEMA_VERSION);
    }

    @Test
    void silverHoldsEveryEntityTypeWithLinesOnlyForLiveOrders() {
        SilverState s = Workload.of(PARAMS).expectation().silver();

        s.counts().forEach((entity, n) -> assertThat(n).as(entity).isPositive());
        var orderKeys = s.orders().stream().map(o -> o.tenantId() + "/" + o.orderKey()).toList();
        assertThat(s.orderLines())
                .allSatisfy(l -> assertThat(orderKeys).contains(l.tenantId() + "/" + l.orderKey()));
        assertThat(s.orders()).allSatisfy(o -> assertThat(o.totalAmount().scale()).isEqualTo(2));
    }
}
