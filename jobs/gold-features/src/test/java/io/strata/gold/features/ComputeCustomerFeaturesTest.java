package io.strata.gold.features;

import static io.strata.gold.features.SilverLog.TENANT;
import static io.strata.gold.features.SilverLog.at;
import static io.strata.gold.features.SilverLog.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.common.quarantine.UnreadableRecords;
import io.strata.common.vault.HashKeys;
import io.strata.model.Layer;
import io.strata.model.QuarantineReason;
import io.strata.model.gold.CustomerFeatures;
import io.strata.model.ops.QuarantineRecord;
import io.strata.model.silver.Order;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two keyed operators of the features (attribution, then the features in event time), in test
 * harnesses, against {@link ReferenceFeatures} and hand-computed values. Allowed lateness 6 hours.
 */
class ComputeCustomerFeaturesTest {

    /** How far the test's watermark trails the newest event time (the out-of-orderness). */
    private static final Duration BOUND = Duration.ofDays(11);

    /** Customer c-1 over 80 days: orders, an update, a delete, tickets, returns; c-2 once. */
    private static SilverLog customerLife() {
        SilverLog log = new SilverLog();
        log.order("o-1", "c-1", day(0), "100.00");
        log.ticket("t-1", "c-1", day(5), "open");
        log.order("o-2", "c-1", day(10), "50.01");
        log.ticket("t-1", "c-1", day(12), "closed");
        log.productReturn("r-1", "c-1", day(15), day(15));
        log.order("o-3", "c-1", day(40), null);
        log.ticket("t-2", "c-1", day(40), "open");
        log.order("o-2", "c-1", day(41), day(10), "50.01");
        log.order("o-4", "c-2", day(45), "20.00");
        log.order("o-5", "c-1", at(70, 12), "30.00");
        log.orderDelete("o-1", day(75));
        log.productReturn("r-2", "c-1", day(80), day(79));
        return log;
    }

    @Test
    void inOrderVersionsWriteOneRowPerDistinctEventTimeAsTheReferenceComputesThem()
            throws Exception {
        SilverLog log = customerLife();
        try (FeaturePipeline pipeline = FeaturePipeline.start()) {
            sendTrailing(pipeline, log.rows());
            pipeline.watermark(day(100));

            List<CustomerFeatures> table = pipeline.historyTable();
            assertThat(table).isEqualTo(reference(log.rows()));
            assertThat(table)
                    .extracting(r -> r.getCustomerKey() + "@" + r.getValidFrom())
                    .containsExactly(
                            "c-1@" + day(0),
                            "c-1@" + day(5),
                            "c-1@" + day(10),
                            "c-1@" + day(12),
                            "c-1@" + day(15),
                            "c-1@" + day(40),
                            "c-1@" + day(41),
                            "c-1@" + at(70, 12),
                            "c-1@" + day(75),
                            "c-1@" + day(80),
                            "c-2@" + day(45));
            // Each row written when the watermark passed it: at once with its valid_to when the
            // same watermark passed the customer's next row, else first as the current row (no
            // valid_to) and again when its valid_to came.
            List<CustomerFeatures> reopened = new ArrayList<>(pipeline.history());
            reopened.removeAll(table);
            assertThat(reopened).isNotEmpty().allSatisfy(r -> assertThat(r.getValidTo()).isNull());
            assertThat(pipeline.history()).hasSize(table.size() + reopened.size());
            assertThat(pipeline.current())
                    .containsExactlyElementsOf(
                            pipeline.history().stream()
                                    .filter(r -> r.getValidTo() == null)
                                    .toList());
            assertThat(pipeline.current().get(pipeline.current().size() - 1))
                    .isEqualTo(row(table, "c-1", day(80)));
        }
    }

    @Test
    void aWatermarkPassingManyEventTimesWritesEachRowOnceAndEachCustomersCurrentRowOnce()
            throws Exception {
        SilverLog log = customerLife();
        try (FeaturePipeline pipeline = FeaturePipeline.start()) {
            pipeline.sendAll(log.rows());
            pipeline.watermark(day(100));

            List<CustomerFeatures> table = reference(log.rows());
            assertThat(pipeline.history()).containsExactlyInAnyOrderElementsOf(table);
            assertThat(pipeline.current())
                    .containsExactlyInAnyOrder(
                            row(table, "c-1", day(80)), row(table, "c-2", day(45)));
        }
    }

    @Test
    void theDefinitionsByHand() throws Exception {
        SilverLog log = customerLife();
        try (FeaturePipeline pipeline = FeaturePipeline.start()) {
            pipeline.sendAll(log.rows());
            pipeline.watermark(day(100));
            List<CustomerFeatures> table = pipeline.historyTable();

            // Day 10: 100.00 and 50.01, mean 75.005 rounds half-even to 75.00.
            CustomerFeatures d10 = row(table, "c-1", day(10));
            assertThat(d10.getCustomerHk()).isEqualTo(HashKeys.hashKey(TENANT, "c-1"));
            assertThat(d10.getOrderCount30d()).isEqualTo(2);
            assertThat(d10.getAvgOrderValue30d()).isEqualTo(new BigDecimal("75.00"));
            assertThat(d10.getLifetimeSpend()).isEqualTo(new BigDecimal("150.01"));
            assertThat(d10.getLifetimeOrderCount()).isEqualTo(2);
            assertThat(d10.getFirstOrderTime()).isEqualTo(day(0));
            assertThat(d10.getLastOrderTime()).isEqualTo(day(10));
            assertThat(d10.getDaysSinceLastOrder()).isZero();
            assertThat(d10.getPurchaseTrend()).isNull();
            assertThat(d10.getOpenSupportTickets()).isEqualTo(1);
            assertThat(d10.getReturnRate90d()).isEqualTo(0.0);
            assertThat(d10.getValidTo()).isEqualTo(day(12));

            // Day 40: the 30 days are (day 10, day 40], so only o-3 (no total: 0.00); the 30
            // days before hold o-1 and o-2 (day 10 itself), so the trend is 0 / 150.01.
            CustomerFeatures d40 = row(table, "c-1", day(40));
            assertThat(d40.getOrderCount30d()).isEqualTo(1);
            assertThat(d40.getAvgOrderValue30d()).isEqualTo(new BigDecimal("0.00"));
            assertThat(d40.getLifetimeSpend()).isEqualTo(new BigDecimal("150.01"));
            assertThat(d40.getLifetimeOrderCount()).isEqualTo(3);
            assertThat(d40.getPurchaseTrend()).isEqualTo(0.0);
            assertThat(d40.getOpenSupportTickets()).isEqualTo(1);
            assertThat(d40.getReturnRate90d()).isEqualTo(1.0 / 3);

            // Day 75: o-1 is cancelled; the last order was 4.5 days ago: 4 whole days.
            CustomerFeatures d75 = row(table, "c-1", day(75));
            assertThat(d75.getLifetimeSpend()).isEqualTo(new BigDecimal("80.01"));
            assertThat(d75.getLifetimeOrderCount()).isEqualTo(3);
            assertThat(d75.getFirstOrderTime()).isEqualTo(day(10));
            assertThat(d75.getDaysSinceLastOrder()).isEqualTo(4);
            assertThat(d75.getOrderCount30d()).isEqualTo(1);
            assertThat(d75.getAvgOrderValue30d()).isEqualTo(new BigDecimal("30.00"));

            // Day 80: two returns over three orders in 90 days; the current row.
            CustomerFeatures d80 = row(table, "c-1", day(80));
            assertThat(d80.getReturnRate90d()).isEqualTo(2.0 / 3);
            assertThat(d80.getDaysSinceLastOrder()).isEqualTo(9);
            assertThat(d80.getValidTo()).isNull();
        }
    }

    @Test
    void versionsOutOfOrderWithinTheBoundWriteExactlyWhatInOrderVersionsWrite() throws Exception {
        List<SpecificRecordBase> rows = customerLife().rows();
        // Every entity's versions stay in order (Silver's guarantee); up to 10 days of disorder.
        int[] arrival = {2, 1, 0, 4, 3, 6, 8, 5, 7, 10, 9, 11};
        List<SpecificRecordBase> shuffled = new ArrayList<>();
        for (int i : arrival) {
            shuffled.add(rows.get(i));
        }
        try (FeaturePipeline inOrder = FeaturePipeline.start();
                FeaturePipeline outOfOrder = FeaturePipeline.start()) {
            sendTrailing(inOrder, rows);
            inOrder.watermark(day(100));
            sendTrailing(outOfOrder, shuffled);
            outOfOrder.watermark(day(100));

            assertThat(outOfOrder.history()).isEqualTo(inOrder.history());
            assertThat(outOfOrder.current()).isEqualTo(inOrder.current());
            assertThat(outOfOrder.quarantined()).isEmpty();
            assertThat(outOfOrder.historyTable()).isEqualTo(reference(rows));
        }
    }

    @Test
    void aLateVersionWithinTheAllowedLatenessCorrectsTheRowsFromItsEventTimeOn() throws Exception {
        SilverLog log = new SilverLog();
        try (FeaturePipeline pipeline = ordersAtNineAndNoonPassed(log)) {

            // 3 hours behind the watermark, 6 allowed.
            pipeline.send(log.order("o-3", "c-1", at(0, 10), "30.00"));

            List<CustomerFeatures> expected = reference(log.rows());
            assertThat(pipeline.history())
                    .containsExactly(
                            row(expected, "c-1", at(0, 9)),
                            row(expected, "c-1", at(0, 10)),
                            row(expected, "c-1", at(0, 12)));
            assertThat(row(expected, "c-1", at(0, 9)).getValidTo()).isEqualTo(at(0, 10));
            CustomerFeatures corrected = row(expected, "c-1", at(0, 12));
            assertThat(corrected.getLifetimeOrderCount()).isEqualTo(3);
            assertThat(corrected.getAvgOrderValue30d()).isEqualTo(new BigDecimal("60.00"));
            assertThat(pipeline.current()).containsExactly(corrected);
            assertThat(pipeline.historyTable()).isEqualTo(expected);
            assertThat(pipeline.quarantined()).isEmpty();
        }
    }

    @Test
    void lateVersionsOfOneBatchAreAppliedTogetherEachRowWrittenOnce() throws Exception {
        SilverLog log = new SilverLog();
        try (FeaturePipeline pipeline = ordersAtNineAndNoonPassed(log)) {

            pipeline.receive(log.order("o-3", "c-1", at(0, 10), "30.00"));
            pipeline.receive(log.order("o-4", "c-1", at(0, 11), "20.00"));
            assertThat(pipeline.history()).as("waiting for the batch").isEmpty();

            pipeline.applyLateVersions();
            List<CustomerFeatures> expected = reference(log.rows());
            assertThat(pipeline.history())
                    .containsExactly(
                            row(expected, "c-1", at(0, 9)),
                            row(expected, "c-1", at(0, 10)),
                            row(expected, "c-1", at(0, 11)),
                            row(expected, "c-1", at(0, 12)));
            assertThat(pipeline.current()).containsExactly(row(expected, "c-1", at(0, 12)));
            assertThat(pipeline.lateEventsApplied()).isEqualTo(2);
        }
    }

    @Test
    void aLateBatchUnderOneMillisecondIsRefused() {
        assertThatThrownBy(
                        () ->
                                new ComputeCustomerFeatures(
                                        "gold-features", Duration.ofHours(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gold.features.late-batch must be at least 1 ms, was PT0S");
    }

    @Test
    void lateVersionsStillWaitingWhenABoundedInputEndsAreAppliedByItsLastWatermark()
            throws Exception {
        SilverLog log = new SilverLog();
        try (FeaturePipeline pipeline = ordersAtNineAndNoonPassed(log)) {
            pipeline.receive(log.order("o-3", "c-1", at(0, 10), "30.00"));

            pipeline.watermark(Instant.ofEpochMilli(Long.MAX_VALUE));
            assertThat(pipeline.historyTable()).isEqualTo(reference(log.rows()));
        }
    }

    @Test
    void rowsBeforeTheHorizonAreForgottenOnceItMovedAQuarterOfTheLatenessButTheLastOneStays()
            throws Exception {
        SilverLog log = new SilverLog();
        log.order("o-1", "c-1", at(0, 1), "1.00");
        log.order("o-2", "c-1", at(0, 2), "2.00");
        log.order("o-3", "c-1", at(0, 3), "3.00");
        log.order("o-4", "c-1", at(0, 4).plusSeconds(1800), "4.00");
        log.order("o-5", "c-1", at(0, 10), "5.00");
        log.order("o-6", "c-1", at(0, 10).plusSeconds(1800), "6.00");
        log.order("o-7", "c-1", at(0, 11), "7.00");
        Instant halfPastFour = at(0, 4).plusSeconds(1800);
        Instant halfPastTen = at(0, 10).plusSeconds(1800);
        try (FeaturePipeline pipeline = FeaturePipeline.start()) {
            // Horizon 04:00 (6 h allowed): the rows before it go, but the last of them.
            pipeline.sendAll(log.rows().subList(0, 5));
            pipeline.watermark(at(0, 10));
            assertThat(pipeline.keptRows("c-1")).containsExactly(at(0, 3), halfPastFour, at(0, 10));

            // Horizon 04:45, under a quarter of the lateness (1.5 h) on: the rows are not looked
            // through, 03:00 stays a while.
            pipeline.send(log.rows().get(5));
            pipeline.watermark(at(0, 10).plusSeconds(2700));
            assertThat(pipeline.keptRows("c-1"))
                    .containsExactly(at(0, 3), halfPastFour, at(0, 10), halfPastTen);

            // Horizon 06:00: looked through again; 04:30 is now the last row before it.
            pipeline.send(log.rows().get(6));
            pipeline.watermark(at(0, 12));
            assertThat(pipeline.keptRows("c-1"))
                    .containsExactly(halfPastFour, at(0, 10), halfPastTen, at(0, 11));
            assertThat(pipeline.historyTable()).isEqualTo(reference(log.rows()));
        }
    }

    @Test
    void aLateVersionThatChangesNothingRewritesNothing() throws Exception {
        SilverLog log = new SilverLog();
        log.order("o-1", "c-1", at(0, 9), "100.00");
        log.ticket("t-1", "c-1", at(0, 12), "closed");
        try (FeaturePipeline pipeline = FeaturePipeline.start()) {
            pipeline.sendAll(log.rows());
            pipeline.watermark(at(0, 13));
            pipeline.mark();

            // A closed ticket at an existing row's time changes no value of any row.
            pipeline.send(log.ticket("t-2", "c-1", at(0, 12), "closed"));

            assertThat(pipeline.history()).isEmpty();
            assertThat(pipeline.current()).isEmpty();
            assertThat(pipeline.historyTable()).isEqualTo(reference(log.rows()));
        }
    }

    @Test
    void aVersionBeyondTheAllowedLatenessIsCountedAndQuarantinedNotApplied() throws Exception {
        SilverLog log = new SilverLog();
        try (FeaturePipeline pipeline = ordersAtNineAndNoonPassed(log)) {
            List<CustomerFeatures> before = pipeline.historyTable();

            // 8 hours behind the watermark, 6 allowed.
            Order late = new SilverLog().order("o-0", "c-1", at(0, 5), "10.00");
            pipeline.send(late);

            assertThat(pipeline.history()).isEmpty();
            assertThat(pipeline.current()).isEmpty();
            assertThat(pipeline.lateEventsDropped()).isEqualTo(1);
            QuarantineRecord q = pipeline.quarantined().get(0);
            assertThat(pipeline.quarantined()).hasSize(1);
            assertThat(q.getLayer()).isEqualTo(Layer.GOLD);
            assertThat(q.getJob()).isEqualTo("gold-features");
            assertThat(q.getReason()).isEqualTo(QuarantineReason.LATE_BEYOND_TOLERANCE);
            assertThat(q.getReasonDetail())
                    .isEqualTo(
                            "order o-0 at 2024-03-01T05:00:00Z is more than PT6H behind the"
                                    + " watermark 2024-03-01T13:00:00Z: not applied to the"
                                    + " features of customer c-1");
            assertThat(q.getTenantId()).isEqualTo(TENANT);
            assertThat(q.getEventId()).isEqualTo(late.getMeta().getSourceEventId());
            assertThat(q.getRecordType()).isEqualTo("order");
            assertThat(q.getSchemaVersion()).isEqualTo("2");
            assertThat(q.getSource().getTopic()).isEqualTo(SilverLog.BRONZE_TOPIC);
            assertThat(q.getSource().getPartition()).isZero();
            assertThat(q.getSource().getOffset()).isEqualTo(100L);
            assertThat(q.getEventTime()).isEqualTo(at(0, 5));
            byte[] raw = bytes(q.getRaw());
            assertThat(Order.fromByteBuffer(ByteBuffer.wrap(raw))).isEqualTo(late);
            assertThat(q.getRawSha256()).isEqualTo(UnreadableRecords.sha256(raw));

            pipeline.watermark(day(1));
            assertThat(pipeline.historyTable()).isEqualTo(before);
        }
    }

    @Test
    void aCancelledOrderStopsCountingFromItsDeleteTime() throws Exception {
        SilverLog log = new SilverLog();
        log.order("o-1", "c-1", day(0), "100.00");
        log.order("o-2", "c-1", day(1), "20.00");
        log.orderDelete("o-1", day(5));
        // Revived for another customer: the first one, which it stopped counting for at the
        // delete, gets no row.
        log.order("o-1", "c-2", day(6), "5.00");
        try (FeaturePipeline pipeline = FeaturePipeline.start()) {
            pipeline.sendAll(log.rows());
            pipeline.watermark(day(7));

            assertThat(pipeline.historyTable()).isEqualTo(reference(log.rows()));
            List<CustomerFeatures> rows = pipeline.historyTable("c-1");
            assertThat(rows)
                    .extracting(CustomerFeatures::getLifetimeOrderCount)
                    .containsExactly(1L, 2L, 1L);
            assertThat(pipeline.historyTable("c-2"))
                    .extracting(CustomerFeatures::getValidFrom)
                    .containsExactly(day(6));
            CustomerFeatures cancelled = row(rows, "c-1", day(5));
            assertThat(cancelled.getLifetimeSpend()).isEqualTo(new BigDecimal("20.00"));
            assertThat(cancelled.getFirstOrderTime()).isEqualTo(day(1));
            assertThat(cancelled.getDaysSinceLastOrder()).isEqualTo(4);
        }
    }

    @Test
    void anOrderMovedToAnotherCustomerLeavesTheFirstAndCountsForTheSecond() throws Exception {
        SilverLog log = new SilverLog();
        log.order("o-1", "c-1", day(0), "40.00");
        log.order("o-2", "c-1", day(1), "10.00");
        log.order("o-1", "c-2", day(3), day(0), "40.00");
        log.orderDelete("o-1", day(4));
        try (FeaturePipeline pipeline = FeaturePipeline.start()) {
            pipeline.sendAll(log.rows());
            pipeline.watermark(day(5));

            assertThat(pipeline.historyTable()).isEqualTo(reference(log.rows()));
            List<CustomerFeatures> first = pipeline.historyTable("c-1");
            assertThat(first)
                    .extracting(CustomerFeatures::getValidFrom)
                    .containsExactly(day(0), day(1), day(3));
            assertThat(first.get(2).getLifetimeSpend()).isEqualTo(new BigDecimal("10.00"));
            assertThat(first.get(2).getValidTo()).isNull();
            // The delete after the move goes to the second customer only.
            List<CustomerFeatures> second = pipeline.historyTable("c-2");
            assertThat(second)
                    .extracting(CustomerFeatures::getValidFrom)
                    .containsExactly(day(3), day(4));
            assertThat(second.get(0).getLifetimeSpend()).isEqualTo(new BigDecimal("40.00"));
            assertThat(second.get(0).getDaysSinceLastOrder()).isEqualTo(3);
            assertThat(second.get(1).getLifetimeOrderCount()).isZero();
            assertThat(second.get(1).getLastOrderTime()).isNull();
            assertThat(second.get(1).getAvgOrderValue30d()).isNull();
            assertThat(second.get(1).getReturnRate90d()).isNull();
        }
    }

    @Test
    void versionsArrivingNewestFirstWriteWhatInOrderVersionsWrite() throws Exception {
        // Silver's topics carry superseded versions after the newer ones: an order's move, its
        // delete and its first version can arrive in any order, and each customer must still see
        // the order come and go at the right times.
        SilverLog log = new SilverLog();
        log.order("o-1", "c-1", day(0), "40.00");
        log.order("o-2", "c-1", day(1), "10.00");
        log.order("o-1", "c-2", day(3), day(0), "40.00");
        log.orderDelete("o-1", day(4));
        log.order("o-3", "c-2", day(5), "7.00");
        List<SpecificRecordBase> newestFirst = new ArrayList<>(log.rows());
        Collections.reverse(newestFirst);
        try (FeaturePipeline pipeline = FeaturePipeline.start()) {
            pipeline.sendAll(newestFirst);
            pipeline.watermark(day(6));

            assertThat(pipeline.historyTable()).isEqualTo(reference(log.rows()));
            assertThat(pipeline.historyTable("c-1"))
                    .extracting(CustomerFeatures::getValidFrom)
                    .containsExactly(day(0), day(1), day(3));
        }
    }

    @Test
    void ticketsCountWhileTheirLatestVersionIsLiveAndOpen() throws Exception {
        SilverLog log = new SilverLog();
        log.ticket("t-1", "c-1", day(0), "open");
        log.ticket("t-2", "c-1", day(1), "open");
        log.ticket("t-1", "c-1", day(2), "closed");
        log.ticketDelete("t-2", day(3));
        log.ticket("t-1", "c-1", day(4), "open");
        log.ticketDelete("t-9", day(5)); // never seen live, no customer: nobody's event
        try (FeaturePipeline pipeline = FeaturePipeline.start()) {
            pipeline.sendAll(log.rows());
            pipeline.watermark(day(6));

            assertThat(pipeline.historyTable()).isEqualTo(reference(log.rows()));
            assertThat(pipeline.historyTable())
                    .extracting(CustomerFeatures::getOpenSupportTickets)
                    .containsExactly(1, 2, 1, 0, 1);
            assertThat(pipeline.historyTable())
                    .allSatisfy(r -> assertThat(r.getLifetimeOrderCount()).isZero());
        }
    }

    @Test
    void returnsCountOverLiveOrdersInTheLast90Days() throws Exception {
        SilverLog log = new SilverLog();
        log.order("o-1", "c-1", day(0), "10.00");
        log.order("o-2", "c-1", day(50), "10.00");
        log.productReturn("r-1", "c-1", day(60), day(60));
        log.productReturn("r-2", "c-1", day(61), day(10));
        log.ticket("t-1", "c-1", day(100), "open");
        log.returnDelete("r-1", day(101));
        log.productReturn("r-3", "c-3", day(5), day(5));
        try (FeaturePipeline pipeline = FeaturePipeline.start()) {
            pipeline.sendAll(log.rows());
            pipeline.watermark(day(102));

            assertThat(pipeline.historyTable()).isEqualTo(reference(log.rows()));
            // At day 100 the window is (day 10, day 100]: r-2 (returned day 10) and o-1 left it.
            assertThat(pipeline.historyTable("c-1"))
                    .extracting(CustomerFeatures::getReturnRate90d)
                    .containsExactly(0.0, 0.0, 0.5, 1.0, 1.0, 0.0);
            assertThat(pipeline.historyTable("c-3"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.getReturnRate90d()).isNull());
        }
    }

    static List<Supplier<StateBackend>> backends() {
        return List.of(HashMapStateBackend::new, EmbeddedRocksDBStateBackend::new);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aRestoreFromASnapshotContinuesAsIfUninterrupted(Supplier<StateBackend> backend)
            throws Exception {
        List<SpecificRecordBase> rows = customerLife().rows();
        SilverLog late = new SilverLog();
        Order lateOrder = late.order("o-9", "c-1", at(80, 20), "9.99");
        List<SpecificRecordBase> all = new ArrayList<>(rows);
        all.add(lateOrder);

        List<CustomerFeatures> uninterrupted;
        try (FeaturePipeline pipeline = FeaturePipeline.start(backend.get())) {
            runFirstHalf(pipeline, rows);
            runSecondHalf(pipeline, rows, lateOrder);
            uninterrupted = pipeline.history();
        }

        List<CustomerFeatures> written = new ArrayList<>();
        FeaturePipeline.Snapshot snapshot;
        try (FeaturePipeline first = FeaturePipeline.start(backend.get())) {
            runFirstHalf(first, rows);
            snapshot = first.snapshot();
            written.addAll(first.history());
        }
        try (FeaturePipeline second = FeaturePipeline.restore(backend.get(), snapshot)) {
            runSecondHalf(second, rows, lateOrder);
            written.addAll(second.history());
            assertThat(second.quarantined()).isEmpty();
        }

        assertThat(written).isEqualTo(uninterrupted);
        assertThat(written.stream().filter(r -> r.getValidFrom().equals(at(80, 20))))
                .as("the late order was applied after the restore")
                .isNotEmpty();
        assertThat(FeaturePipeline.table(written)).isEqualTo(reference(all));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void stateFromBeforeTheSettledListContinuesAsIfUninterrupted(Supplier<StateBackend> backend)
            throws Exception {
        List<SpecificRecordBase> rows = customerLife().rows();
        List<CustomerFeatures> uninterrupted;
        try (FeaturePipeline pipeline = FeaturePipeline.start(backend.get())) {
            runFirstHalf(pipeline, rows);
            pipeline.sendAll(rows.subList(7, rows.size()));
            pipeline.watermark(day(200));
            uninterrupted = pipeline.history();
        }

        try (FeaturePipeline pipeline = FeaturePipeline.start(backend.get())) {
            runFirstHalf(pipeline, rows);
            assertThat(pipeline.unsettle("c-1")).as("versions settled by day 20").isPositive();
            pipeline.sendAll(rows.subList(7, rows.size()));
            pipeline.watermark(day(200));

            assertThat(pipeline.history()).isEqualTo(uninterrupted);
        }
    }

    /** Up to day 40: rows before day 20 written, the day-40 versions still pending. */
    private static void runFirstHalf(FeaturePipeline pipeline, List<SpecificRecordBase> rows)
            throws Exception {
        pipeline.sendAll(rows.subList(0, 7));
        pipeline.watermark(day(20));
    }

    /** The rest, the watermark to day 81, then a version 4 hours late. */
    private static void runSecondHalf(
            FeaturePipeline pipeline, List<SpecificRecordBase> rows, Order lateOrder)
            throws Exception {
        pipeline.sendAll(rows.subList(7, rows.size()));
        pipeline.watermark(day(81));
        pipeline.send(lateOrder);
        pipeline.watermark(day(200));
    }

    /** Sends each row, then a watermark {@link #BOUND} behind the newest event time so far. */
    /**
     * A pipeline that applied c-1's orders at 09:00 and 12:00 (added to {@code log}) with the
     * watermark at 13:00, {@link FeaturePipeline#mark() marked}: what the late-version tests start
     * from.
     */
    private static FeaturePipeline ordersAtNineAndNoonPassed(SilverLog log) throws Exception {
        log.order("o-1", "c-1", at(0, 9), "100.00");
        log.order("o-2", "c-1", at(0, 12), "50.00");
        FeaturePipeline pipeline = FeaturePipeline.start();
        pipeline.sendAll(log.rows());
        pipeline.watermark(at(0, 13));
        pipeline.mark();
        return pipeline;
    }

    private static void sendTrailing(FeaturePipeline pipeline, List<SpecificRecordBase> rows)
            throws Exception {
        Instant newest = Instant.MIN;
        for (SpecificRecordBase row : rows) {
            pipeline.send(row);
            Instant t = Instant.ofEpochMilli(FeaturePipeline.event(row).version.eventTime);
            newest = t.isAfter(newest) ? t : newest;
            pipeline.watermark(newest.minus(BOUND));
        }
    }

    private static List<CustomerFeatures> reference(List<? extends SpecificRecordBase> rows) {
        return ReferenceFeatures.rows(rows).stream().sorted(FeaturePipeline.BY_KEY).toList();
    }

    private static CustomerFeatures row(
            List<CustomerFeatures> rows, String customer, Instant validFrom) {
        return rows.stream()
                .filter(r -> r.getCustomerKey().equals(customer))
                .filter(r -> r.getValidFrom().equals(validFrom))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + customer + "@" + validFrom));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
