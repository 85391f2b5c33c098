package io.strata.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.ops.QualityResult;
import io.strata.model.silver.Customer;
import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import io.strata.quality.rules.QualityRules;
import io.strata.quality.silver.DecodeSilverRows;
import io.strata.quality.silver.RowProfile;
import io.strata.quality.silver.SilverTopic;
import io.strata.quality.tier2.OrphanOrders;
import io.strata.quality.tier2.ProfileWindows;
import io.strata.quality.tier3.DuplicateCustomers;
import io.strata.quality.tier3.IdentityClaim;
import io.strata.quality.tier3.IdentityClaims;
import io.strata.quality.tier3.OrderTotalOutliers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every rule with the default thresholds over a clean generated workload's Silver rows (the
 * ITCase's), in publishing order, with the watermark the job would have (the slowest topic's newest
 * event time less the default out-of-orderness): not one finding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CleanWorkloadTest {

    private static final long OUT_OF_ORDERNESS = Duration.ofMinutes(1).toMillis();

    private final QualityRules rules = SilverRowsForTests.defaultRules();
    private final List<QualityResult> findings = new ArrayList<>();
    private long windowsJudged;

    @BeforeAll
    void runTheRulesOverTheCleanWorkload() throws Exception {
        var orphans =
                new KeyedTwoInputStreamOperatorTestHarness<String, Order, Customer, QualityResult>(
                        new KeyedCoProcessOperator<>(new OrphanOrders(rules, Duration.ZERO)),
                        (Order o) ->
                                OrphanOrders.key(o.getMeta().getTenantId(), o.getCustomerKey()),
                        (Customer c) ->
                                OrphanOrders.key(c.getMeta().getTenantId(), c.getCustomerKey()),
                        Types.STRING);
        var profiles =
                new KeyedOneInputStreamOperatorTestHarness<String, RowProfile, QualityResult>(
                        new KeyedProcessOperator<>(new ProfileWindows(rules)),
                        RowProfile::tenantEntity,
                        Types.STRING);
        var outliers =
                new KeyedOneInputStreamOperatorTestHarness<String, Order, QualityResult>(
                        new KeyedProcessOperator<>(new OrderTotalOutliers(rules)),
                        (Order o) -> o.getMeta().getTenantId(),
                        Types.STRING);
        var duplicates =
                new KeyedOneInputStreamOperatorTestHarness<String, IdentityClaim, QualityResult>(
                        new KeyedProcessOperator<>(new DuplicateCustomers()),
                        IdentityClaim::groupKey,
                        Types.STRING);
        orphans.open();
        profiles.open();
        outliers.open();
        duplicates.open();
        IdentityClaims claims = new IdentityClaims(rules);
        List<IdentityClaim> claimed = new ArrayList<>();
        Collector<IdentityClaim> collector =
                new Collector<>() {
                    @Override
                    public void collect(IdentityClaim claim) {
                        claimed.add(claim);
                    }

                    @Override
                    public void close() {}
                };

        Map<SilverTopic, Long> newest = new EnumMap<>(SilverTopic.class);
        long watermark = Long.MIN_VALUE;
        for (CleanWorkload.Row r : CleanWorkload.rows()) {
            EntityMeta meta = (EntityMeta) r.row().get("meta");
            long t = meta.getEventTime().toEpochMilli();
            newest.merge(r.topic(), t, Math::max);
            if (meta.getDeleted()) {
                continue;
            }
            profiles.processElement(DecodeSilverRows.profile(r.topic(), r.row()), t);
            if (r.row() instanceof Order o) {
                outliers.processElement(o, t);
                if (o.getCustomerKey() != null) {
                    orphans.processElement1(o, t);
                }
            } else if (r.row() instanceof Customer c) {
                orphans.processElement2(c, t);
                claims.flatMap(c, collector);
                for (IdentityClaim claim : claimed) {
                    duplicates.processElement(claim, t);
                }
                claimed.clear();
            }
            long next =
                    newest.size() < SilverTopic.values().length
                            ? Long.MIN_VALUE
                            : newest.values().stream().mapToLong(Long::longValue).min().getAsLong()
                                    - OUT_OF_ORDERNESS;
            if (next > watermark) {
                watermark = next;
                Watermark w = new Watermark(watermark);
                orphans.processWatermark1(w);
                orphans.processWatermark2(w);
                profiles.processWatermark(w);
            }
        }
        findings.addAll(orphans.extractOutputValues());
        findings.addAll(profiles.extractOutputValues());
        findings.addAll(outliers.extractOutputValues());
        findings.addAll(duplicates.extractOutputValues());
        orphans.close();
        profiles.close();
        outliers.close();
        duplicates.close();
    }

    @Test
    void noRuleFindsAnythingWithTheDefaultThresholds() {
        assertThat(findings).isEmpty();
    }
}
