package io.strata.gold.features;

import static io.strata.gold.features.SilverLog.at;
import static io.strata.gold.features.SilverLog.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

/** What a customer's history answers, and what it lets go once a horizon has passed. */
class CustomerHistoryTest {

    private static final Instant HORIZON = day(100);

    @Test
    void eachRowFromAnInstantHasEachEntitysLatestVersionAndTheLaterPositionOnATie()
            throws Exception {
        SilverLog log = new SilverLog();
        log.order("o-1", "c-1", day(0), "1.00");
        log.order("o-1", "c-1", day(2), day(0), "2.00");
        log.order("o-1", "c-1", day(2), day(0), "3.00");
        log.order("o-1", "c-1", day(5), day(0), "4.00");
        log.order("o-2", "c-1", day(3), "9.00");
        CustomerHistory history = history(log.rows());

        Map<Instant, String> rows = new LinkedHashMap<>();
        history.forEachRowFrom(
                day(2).toEpochMilli(),
                (t, next, latest) ->
                        rows.put(
                                Instant.ofEpochMilli(t),
                                latest.stream().map(v -> v.key + " " + v.amount).sorted().toList()
                                        + " until "
                                        + (next == null ? "now" : Instant.ofEpochMilli(next))));

        assertThat(rows)
                .containsExactly(
                        entry(day(2), "[o-1 3.00] until " + day(3)),
                        entry(day(3), "[o-1 3.00, o-2 9.00] until " + day(5)),
                        entry(day(5), "[o-1 4.00, o-2 9.00] until now"));
        assertThat(history.firstEventTimeFrom(day(1).toEpochMilli()))
                .isEqualTo(day(2).toEpochMilli());
        assertThat(history.firstEventTimeFrom(day(6).toEpochMilli())).isNull();
    }

    @Test
    void beforeTheHorizonOnlyTheLatestVersionThatCanStillCountIsKept() {
        SilverLog log = new SilverLog();
        log.order("live", "c-1", day(1), "1.00");
        log.order("live", "c-1", day(2), day(1), "2.00");
        log.order("cancelled", "c-1", day(1), "1.00");
        log.orderDelete("cancelled", day(3));
        log.order("moved", "c-1", day(1), "1.00");
        log.order("moved", "c-2", day(4), day(1), "1.00");
        log.ticket("open", "c-1", day(5), "open");
        log.ticket("closed", "c-1", day(5), "open");
        log.ticket("closed", "c-1", day(6), "closed");
        log.productReturn("recent", "c-1", day(50), day(50));
        log.productReturn("old", "c-1", day(50), day(10));
        log.order("changing", "c-1", at(99, 23), "1.00");
        log.orderDelete("changing", HORIZON);
        CustomerHistory history = history(log.rows());

        List<String> settled =
                history.settledBefore(HORIZON.toEpochMilli(), "c-1").stream()
                        .map(v -> v.key + (v.deleted ? " deleted" : "") + "@" + v.eventTime)
                        .toList();

        assertThat(settled)
                .containsExactlyInAnyOrder(
                        "live@" + day(1).toEpochMilli(),
                        "cancelled@" + day(1).toEpochMilli(),
                        "cancelled deleted@" + day(3).toEpochMilli(),
                        "moved@" + day(1).toEpochMilli(),
                        "moved@" + day(4).toEpochMilli(),
                        "closed@" + day(5).toEpochMilli(),
                        "closed@" + day(6).toEpochMilli(),
                        "old@" + day(50).toEpochMilli());
    }

    private static CustomerHistory history(List<SpecificRecordBase> rows) {
        List<EntityVersion> versions = new ArrayList<>();
        rows.forEach(r -> versions.add(FeaturePipeline.event(r).version));
        return CustomerHistory.of(versions);
    }
}
