package io.strata.gold.features;

import static io.strata.gold.features.SilverLog.T0;
import static io.strata.gold.features.SilverLog.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.gold.CustomerFeatures;
import io.strata.testing.upgrade.JobV2;
import io.strata.testing.upgrade.V2Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The features upgraded from v1 to v2 ({@code src/test/upgrade-v2}: {@link EntityVersion} gains the
 * order's currency, {@code CustomerFeatures} the column {@code last_order_currency} computed from
 * it) through snapshots of both keyed operators: the windows continue from v1's orders, rows and
 * pending versions, and the new column is filled from the versions v2 reads.
 */
class ComputeCustomerFeaturesUpgradeTest {

    @ParameterizedTest
    @MethodSource("io.strata.gold.features.ComputeCustomerFeaturesTest#backends")
    void v2ContinuesV1sFeaturesAndFillsTheNewColumnFromItsOwnVersions(
            Supplier<StateBackend> backend) throws Exception {
        FeaturePipeline.Snapshot v1;
        try (FeaturePipeline pipeline = FeaturePipeline.start(backend.get())) {
            pipeline.sendAll(v1Orders().rows());
            pipeline.watermark(day(11));
            assertThat(pipeline.history())
                    .extracting(ComputeCustomerFeaturesUpgradeTest::describe)
                    .containsExactly(
                            "d0-d10 lifetime 1/100.00 30d 1 avg 100.00",
                            "d10-now lifetime 2/150.01 30d 2 avg 75.00");
            v1 = pipeline.snapshot();
        }

        List<String> v2 =
                JobV2.ofThisModule()
                        .restore(V2.class, backend.get(), v1.attribution(), v1.features());

        assertThat(v2)
                .containsExactly(
                        // v1's row, closed by v1's pending order: its column as v1 left it.
                        "d10-d20 lifetime 2/150.01 30d 2 avg 75.00 last_order_currency=null",
                        // v1's pending order, applied by v2: in the windows, read without currency.
                        "d20-d25 lifetime 3/180.01 30d 3 avg 60.00 last_order_currency=null",
                        // v2's first order: the windows still count v1's three.
                        "d25-now lifetime 4/200.01 30d 4 avg 50.00 last_order_currency=USD");
    }

    /** c-1's orders before the upgrade: two applied, one after v1's last watermark (pending). */
    private static SilverLog v1Orders() {
        SilverLog log = new SilverLog();
        log.order("o-1", "c-1", day(0), "100.00");
        log.order("o-2", "c-1", day(10), "50.01");
        log.order("o-3", "c-1", day(20), "30.00");
        return log;
    }

    /** Runs with v2's classes on v1's snapshots (attribution, features). */
    static final class V2 implements V2Step<List<String>> {

        @Override
        public List<String> restore(StateBackend backend, OperatorSubtaskState... v1)
                throws Exception {
            FeaturePipeline.Snapshot snapshot = new FeaturePipeline.Snapshot(v1[0], v1[1]);
            try (FeaturePipeline pipeline =
                    FeaturePipeline.restore(backend, snapshot, getClass().getClassLoader())) {
                SilverLog log = new SilverLog();
                log.order("o-4", "c-1", day(25), "20.00").setCurrency("USD");
                pipeline.sendAll(log.rows());
                pipeline.watermark(day(30));
                return pipeline.history().stream()
                        .map(
                                r ->
                                        describe(r)
                                                + " last_order_currency="
                                                + r.get("last_order_currency"))
                        .toList();
            }
        }
    }

    /** Validity in days since T0, lifetime orders/spend, 30-day count and mean. */
    private static String describe(CustomerFeatures r) {
        return days(r.getValidFrom())
                + "-"
                + (r.getValidTo() == null ? "now" : days(r.getValidTo()))
                + " lifetime "
                + r.getLifetimeOrderCount()
                + "/"
                + r.getLifetimeSpend()
                + " 30d "
                + r.getOrderCount30d()
                + " avg "
                + r.getAvgOrderValue30d();
    }

    private static String days(Instant t) {
        return "d" + Duration.between(T0, t).toDays();
    }
}
