package io.strata.workload.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.workload.TestWorkloads;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.OrderLineRow;
import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.ProductRow;
import io.strata.workload.oracle.SilverRows.TicketRow;
import io.strata.workload.raw.RawStream;
import io.strata.workload.truth.CustomerVersion;
import io.strata.workload.truth.Documents;
import io.strata.workload.truth.Documents.LineDoc;
import io.strata.workload.truth.Documents.OrderDoc;
import io.strata.workload.truth.Documents.TicketDoc;
import io.strata.workload.truth.Op;
import io.strata.workload.truth.ProductVersion;
import io.strata.workload.truth.RecordType;
import io.strata.workload.truth.Tenants;
import io.strata.workload.truth.TruthEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change log publishes exactly what silver-conform's sequencing rules publish. */
class SilverChangeLogTest {

    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Instant T3 = T0.plusSeconds(180);
    private static final Instant SINCE = Instant.parse("2021-05-03T12:00:00Z");

    private static final CustomerVersion ADA = customer("Boston");
    private static final CustomerVersion ADA_MOVED = customer("Austin");
    private static final ProductVersion WIDGET =
            new ProductVersion("SKU-1", "Widget", "tools", 1999, "USD", Long.MIN_VALUE);
    private static final OrderDoc SO1 =
            new OrderDoc(
                    "SO-1",
                    "C-1",
                    T0.toEpochMilli(),
                    "placed",
                    "web",
                    "USD",
                    3998,
                    List.of(new LineDoc("1", 0, 2, 1999, 3998)));
    private static final TicketDoc TK1 =
            new TicketDoc(
                    "T-1", "C-1", T3.toEpochMilli(), Documents.NONE, "open", "low", "Question");

    @Test
    void handCheckedSequence() {
        SilverChangeLog log = new SilverChangeLog();
        OrderDoc paid = SO1.withStatus("paid");
        log.accept(order(Op.CREATE, T0, SO1, ADA), 0);
        log.accept(order(Op.UPDATE, T1, paid, ADA), 1);
        // An older version arriving late: not applied, but its order is published after the
        // newer one, for Gold's history; not its master data (compacted topics) nor its line.
        log.accept(order(Op.CREATE, T0, SO1, ADA), 2);
        log.accept(order(Op.DELETE, T2, SO1, null), 3);
        // Older than the delete: the order stays deleted and its line refused, the order version
        // is published as history; the customer's version moves on without a change, so it is
        // not published.
        log.accept(order(Op.UPDATE, T1.plusSeconds(30), paid, ADA), 4);
        log.accept(ticket(Op.CREATE, T3, TK1, ADA_MOVED), 5);
        log.accept(ticket(Op.DELETE, T3.plusSeconds(60), TK1, null), 6);
        log.accept(ticket(Op.DELETE, T3.plusSeconds(120), TK1, null), 7);

        CustomerRow ada = SilverProjector.customerRow("acme", ADA);
        OrderLineRow line =
                new OrderLineRow(
                        "acme", "SO-1", "1", "SKU-1", 2L, amount("19.99"), amount("39.98"));
        assertThat(log.versions())
                .containsExactly(
                        new SilverVersion(ada, T0, 0, false),
                        new SilverVersion(orderRow(SO1), T0, 0, false),
                        new SilverVersion(
                                new ProductRow(
                                        "acme", "SKU-1", "Widget", "tools", amount("19.99"), "USD"),
                                T0,
                                0,
                                false),
                        new SilverVersion(line, T0, 0, false),
                        new SilverVersion(orderRow(paid), T1, 1, false),
                        new SilverVersion(line, T1, 1, false),
                        new SilverVersion(orderRow(SO1), T0, 2, false),
                        new SilverVersion(
                                new OrderRow(
                                        "acme",
                                        "SO-1",
                                        null,
                                        Instant.EPOCH,
                                        null,
                                        null,
                                        null,
                                        null),
                                T2,
                                3,
                                true),
                        new SilverVersion(
                                new OrderLineRow("acme", "SO-1", "1", null, null, null, null),
                                T2,
                                3,
                                true),
                        new SilverVersion(orderRow(paid), T1.plusSeconds(30), 4, false),
                        new SilverVersion(
                                SilverProjector.customerRow("acme", ADA_MOVED), T3, 5, false),
                        new SilverVersion(SilverProjector.ticketRow("acme", TK1), T3, 5, false),
                        new SilverVersion(
                                new TicketRow(
                                        "acme", "T-1", null, Instant.EPOCH, null, null, null, null),
                                T3.plusSeconds(60),
                                6,
                                true));
        assertThat(log.liveRows().orders()).isEmpty();
        assertThat(log.liveRows().orderLines()).isEmpty();
        assertThat(log.liveRows().customers())
                .containsExactly(SilverProjector.customerRow("acme", ADA_MOVED));
        assertThat(log.versions().get(7).kafkaKey()).isEqualTo("acme|SO-1");
        assertThat(log.versions().get(8).kafkaKey()).isEqualTo("acme|SO-1|1");
        assertThat(log.versions().get(8).sourcePosition())
                .isEqualTo("workload/0/0000000000000000003");
    }

    @Test
    void aNewerOrderVersionRevivesADeletedOrderAndItsLines() {
        SilverChangeLog log = new SilverChangeLog();
        log.accept(order(Op.DELETE, T1, SO1, null), 0);
        log.accept(order(Op.CREATE, T0, SO1, ADA), 1);
        log.accept(order(Op.UPDATE, T2, SO1.withStatus("paid"), ADA), 2);

        assertThat(log.versions())
                .extracting(v -> v.entity() + "@" + v.position() + (v.deleted() ? " deleted" : ""))
                .containsExactly(
                        "ORDER@0 deleted",
                        "CUSTOMER@1",
                        "ORDER@1",
                        "PRODUCT@1",
                        "ORDER@2",
                        "ORDER_LINE@2");
    }

    @Test
    void latestLiveVersionsAreTheSilverTablesOfAGeneratedWorkload() {
        WorkloadParams params = TestWorkloads.small(11, 20_000).build();
        SilverChangeLog log = new SilverChangeLog();
        Expectation e =
                Oracle.compute(new RawStream(params), Workload.of(params).oracleOptions(), log);

        assertThat(log.liveRows()).isEqualTo(e.silver());
        assertThat(log.versions()).anyMatch(v -> v.deleted() && v.entity() == SilverEntity.ORDER);
        assertThat(log.versions())
                .anyMatch(v -> v.deleted() && v.entity() == SilverEntity.ORDER_LINE);
        Map<String, SilverVersion> newest = new HashMap<>();
        long superseded = 0;
        for (SilverVersion v : log.versions()) {
            String key = v.kafkaKey() + v.entity();
            SilverVersion before = newest.get(key);
            if (before == null || v.isNewerThan(before)) {
                newest.put(key, v);
            } else {
                assertThat(before.isNewerThan(v))
                        .as("%s after %s: an older version, not the same one again", v, before)
                        .isTrue();
                superseded++;
            }
        }
        assertThat(superseded).as("older versions published after newer ones").isPositive();
    }

    private static TruthEvent order(Op op, Instant t, OrderDoc doc, CustomerVersion c) {
        return new TruthEvent(
                Tenants.ACME,
                RecordType.SALES_ORDER,
                op,
                "e-" + t,
                t.toEpochMilli(),
                "1.0",
                doc,
                c,
                op == Op.DELETE ? List.of() : List.of(WIDGET),
                0);
    }

    private static TruthEvent ticket(Op op, Instant t, TicketDoc doc, CustomerVersion c) {
        return new TruthEvent(
                Tenants.ACME,
                RecordType.SUPPORT_TICKET,
                op,
                "e-" + t,
                t.toEpochMilli(),
                "1.0",
                doc,
                c,
                List.of(),
                0);
    }

    private static OrderRow orderRow(OrderDoc o) {
        return SilverProjector.orderRow("acme", o);
    }

    private static CustomerVersion customer(String city) {
        return new CustomerVersion(
                "C-1",
                "C-1",
                "Ada Lovelace",
                "ada@example.com",
                null,
                "gold",
                city,
                "US",
                SINCE.toEpochMilli(),
                Long.MIN_VALUE);
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }
}
