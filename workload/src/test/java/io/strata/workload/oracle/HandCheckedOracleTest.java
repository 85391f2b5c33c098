package io.strata.workload.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.model.QuarantineReason;
import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.OrderLineRow;
import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.ProductRow;
import io.strata.workload.oracle.SilverRows.TicketRow;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.raw.RawRecord.Copy;
import io.strata.workload.raw.RawRecord.Delay;
import io.strata.workload.raw.RawTopics;
import io.strata.workload.render.RecordRenderer;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tiny, hand-built stream whose expected rows can be checked by reading it: out-of-order updates,
 * a duplicate, a delete that a late update must not undo, a master-data change, a guest, a late
 * record, and faults at both gates.
 */
class HandCheckedOracleTest {

    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Instant T3 = T0.plusSeconds(180);
    private static final Instant BEFORE_T0 = T0.minusSeconds(600);
    private static final Instant MEMBER_SINCE = Instant.parse("2021-05-03T12:00:00Z");

    private static final CustomerVersion ADA = customer("Boston", Long.MIN_VALUE);
    private static final CustomerVersion ADA_MOVED = customer("Austin", T2.toEpochMilli());
    private static final CustomerVersion GUEST =
            new CustomerVersion(
                    "grace@example.com",
                    null,
                    "Grace Hopper",
                    "grace@example.com",
                    null,
                    null,
                    "Leeds",
                    "GB",
                    CustomerVersion.NONE,
                    Long.MIN_VALUE);
    private static final ProductVersion WIDGET = product("SKU-00001", "Steel Widget 100", 1999);
    private static final ProductVersion GADGET = product("SKU-00002", "Mini Gadget 200", 500);
    private static final ProductVersion GADGET_CHEAPER =
            product("SKU-00002", "Mini Gadget 200", 450);

    private static final OrderDoc SO1 =
            new OrderDoc(
                    "SO-0000001",
                    "C-000001",
                    T0.toEpochMilli(),
                    "placed",
                    "web",
                    "USD",
                    6497,
                    List.of(new LineDoc("1", 0, 3, 1999, 5997), new LineDoc("2", 1, 1, 500, 500)));
    private static final OrderDoc SO2 =
            new OrderDoc(
                    "SO-0000002",
                    "C-000001",
                    T2.toEpochMilli(),
                    "placed",
                    "store",
                    "USD",
                    450,
                    List.of(new LineDoc("1", 1, 1, 450, 450)));
    private static final TicketDoc T_1 =
            new TicketDoc(
                    "T-000001",
                    "grace@example.com",
                    T1.toEpochMilli(),
                    Documents.NONE,
                    "open",
                    "high",
                    "Login problem");
    private static final TicketDoc T_2 =
            new TicketDoc(
                    "T-000002",
                    "C-000001",
                    BEFORE_T0.toEpochMilli(),
                    Documents.NONE,
                    "open",
                    "low",
                    "Warranty question");

    private final RecordRenderer renderer = new RecordRenderer(65_536);
    private final List<RawRecord> stream = new ArrayList<>();

    private List<RawRecord> scenario() {
        TruthEvent so1Paid =
                order("e1", Op.UPDATE, T1, SO1.withStatus("paid"), ADA, WIDGET, GADGET);
        add(so1Paid, null, Copy.ORIGINAL);
        add(order("e2", Op.CREATE, T0, SO1, ADA, WIDGET, GADGET), null, Copy.ORIGINAL);
        add(so1Paid, null, Copy.EXACT_DUPLICATE);
        add(order("e3", Op.CREATE, T2, SO2, ADA_MOVED, GADGET_CHEAPER), null, Copy.ORIGINAL);
        add(order("e4", Op.DELETE, T3, SO2, null), null, Copy.ORIGINAL);
        add(
                order(
                        "e5",
                        Op.UPDATE,
                        T2.plusSeconds(1),
                        SO2.withStatus("paid"),
                        ADA_MOVED,
                        GADGET_CHEAPER),
                null,
                Copy.ORIGINAL);
        add(ticket("e6", Op.CREATE, T1, T_1, GUEST), null, Copy.ORIGINAL);
        add(
                ticket("e7", Op.UPDATE, T3, T_1.closed(T3.toEpochMilli()), GUEST),
                QuarantineReason.NULL_KEY,
                Copy.ORIGINAL);
        add(
                ticket("e8", Op.CREATE, T3, T_1, GUEST),
                QuarantineReason.MISSING_TENANT,
                Copy.ORIGINAL);
        add(ticket("e9", Op.CREATE, T3, T_1, GUEST), QuarantineReason.INVALID_JSON, Copy.ORIGINAL);
        add(ticket("e10", Op.CREATE, BEFORE_T0, T_2, ADA), null, Copy.ORIGINAL);
        return stream;
    }

    @Test
    void bronzeCounts() {
        Expectation e = Oracle.compute(scenario().iterator(), options());

        assertThat(e.bronze("acme"))
                .isEqualTo(
                        new BronzeCounts(
                                "acme", 10, 8, 1, Map.of(QuarantineReason.INVALID_JSON, 1L), 1));
        assertThat(e.bronze(RawTopics.UNATTRIBUTED).quarantined())
                .isEqualTo(Map.of(QuarantineReason.MISSING_TENANT, 1L));
        assertThat(e.silverQuarantine("acme")).isEqualTo(Map.of(QuarantineReason.NULL_KEY, 1L));
    }

    @Test
    void silverRows() {
        SilverState s = Oracle.compute(scenario().iterator(), options()).silver();

        assertThat(s.orders())
                .containsExactly(
                        new OrderRow(
                                "acme",
                                "SO-0000001",
                                "C-000001",
                                T0,
                                "paid",
                                "web",
                                "USD",
                                amount("64.97")));
        assertThat(s.orderLines())
                .containsExactly(
                        new OrderLineRow(
                                "acme",
                                "SO-0000001",
                                "1",
                                "SKU-00001",
                                3L,
                                amount("19.99"),
                                amount("59.97")),
                        new OrderLineRow(
                                "acme",
                                "SO-0000001",
                                "2",
                                "SKU-00002",
                                1L,
                                amount("5.00"),
                                amount("5.00")));
        assertThat(s.customers())
                .containsExactly(
                        new CustomerRow(
                                "acme",
                                "C-000001",
                                "Ada Lovelace",
                                "ada@example.com",
                                "+1-555-0001",
                                "gold",
                                "Austin",
                                "US",
                                MEMBER_SINCE),
                        new CustomerRow(
                                "acme",
                                "grace@example.com",
                                "Grace Hopper",
                                "grace@example.com",
                                null,
                                null,
                                "Leeds",
                                "GB",
                                null));
        assertThat(s.products())
                .containsExactly(
                        new ProductRow(
                                "acme",
                                "SKU-00001",
                                "Steel Widget 100",
                                "tools",
                                amount("19.99"),
                                "USD"),
                        new ProductRow(
                                "acme",
                                "SKU-00002",
                                "Mini Gadget 200",
                                "tools",
                                amount("4.50"),
                                "USD"));
        assertThat(s.tickets())
                .containsExactly(
                        new TicketRow(
                                "acme",
                                "T-000001",
                                "grace@example.com",
                                T1,
                                null,
                                "open",
                                "high",
                                "Login problem"),
                        new TicketRow(
                                "acme",
                                "T-000002",
                                "C-000001",
                                BEFORE_T0,
                                null,
                                "open",
                                "low",
                                "Warranty question"));
        assertThat(s.invoices()).isEmpty();
    }

    @Test
    void lateRecordsCanBeKeptOutOfSilver() {
        Expectation e =
                Oracle.compute(scenario().iterator(), options().withLateReachingSilver(false));

        assertThat(e.silver().tickets())
                .extracting(TicketRow::ticketKey)
                .containsExactly("T-000001");
        assertThat(e.silverQuarantine("acme"))
                .isEqualTo(
                        Map.of(
                                QuarantineReason.NULL_KEY,
                                1L,
                                QuarantineReason.LATE_BEYOND_TOLERANCE,
                                1L));
    }

    @Test
    void theGateOfEachReasonIsAParameter() {
        OracleOptions strictBronze =
                options()
                        .withBronzeGate(
                                EnumSet.of(
                                        QuarantineReason.INVALID_JSON,
                                        QuarantineReason.NULL_KEY,
                                        QuarantineReason.MISSING_TENANT));
        Expectation e = Oracle.compute(scenario().iterator(), strictBronze);

        assertThat(e.bronze("acme").quarantined())
                .isEqualTo(
                        Map.of(QuarantineReason.INVALID_JSON, 1L, QuarantineReason.NULL_KEY, 1L));
        assertThat(e.bronze("acme").accepted()).isEqualTo(7);
        assertThat(e.silverQuarantine("acme")).isEmpty();
    }

    private static OracleOptions options() {
        return OracleOptions.defaults(
                Duration.ofSeconds(30), Duration.ofMinutes(4).plusSeconds(30));
    }

    private void add(TruthEvent e, QuarantineReason fault, Copy copy) {
        byte[] key = renderer.key(e, fault);
        String tenant = key == null ? RawTopics.UNATTRIBUTED : "acme";
        String id = fault == QuarantineReason.MISSING_EVENT_ID ? null : e.eventId();
        stream.add(
                new RawRecord(
                        stream.size(),
                        RawTopics.WEBHOOKS,
                        key,
                        renderer.value(e, fault, false),
                        tenant,
                        id,
                        fault,
                        copy,
                        Delay.ON_TIME,
                        e));
    }

    private static TruthEvent order(
            String id,
            Op op,
            Instant t,
            OrderDoc doc,
            CustomerVersion c,
            ProductVersion... products) {
        return new TruthEvent(
                Tenants.ACME,
                RecordType.SALES_ORDER,
                op,
                id,
                t.toEpochMilli(),
                "1.0",
                doc,
                c,
                List.of(products),
                0);
    }

    private static TruthEvent ticket(
            String id, Op op, Instant t, TicketDoc doc, CustomerVersion c) {
        return new TruthEvent(
                Tenants.ACME,
                RecordType.SUPPORT_TICKET,
                op,
                id,
                t.toEpochMilli(),
                "1.0",
                doc,
                c,
                List.of(),
                0);
    }

    private static CustomerVersion customer(String city, long validFrom) {
        return new CustomerVersion(
                "C-000001",
                "C-000001",
                "Ada Lovelace",
                "ada@example.com",
                "+1-555-0001",
                "gold",
                city,
                "US",
                MEMBER_SINCE.toEpochMilli(),
                validFrom);
    }

    private static ProductVersion product(String sku, String name, long cents) {
        return new ProductVersion(sku, name, "tools", cents, "USD", Long.MIN_VALUE);
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }
}
