package io.strata.workload.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.strata.workload.TestWorkloads;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import io.strata.workload.oltp.OltpChange;
import io.strata.workload.oltp.OltpChange.Kind;
import io.strata.workload.oltp.OltpState;
import io.strata.workload.oltp.OltpTable;
import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.ProductRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CDC path's share of Bronze and Silver: exact rows for a hand-built OLTP sequence, and, for a
 * generated workload, the webhook expectation plus the OLTP tables' final customers and products.
 */
class CdcProjectionTest {

    private static final Instant CREATED = Instant.parse("2023-06-01T08:00:00Z");
    private static final Instant T1 = Instant.parse("2024-01-01T00:00:01Z");
    private static final Instant T2 = T1.plusSeconds(1);
    private static final Instant T3 = T1.plusSeconds(2);

    @Test
    void handBuiltChangesGiveTheFinalRowsAndOneBronzeEventPerChange() {
        Object[] ann =
                customer("acme", 1, "PC-000001", "Ann Lee", " Ann.Lee@Example.COM ", "Boston", T1);
        Object[] bob = customer("acme", 2, "PC-000002", "Bob Ray", "bob@example.com", "Leeds", T1);
        Object[] annMoved = ann.clone();
        annMoved[7] = "Austin";
        annMoved[8] = "US";
        annMoved[13] = T2;
        Object[] lamp = product("globex", 1, "PG-0001", "19.99", T1);
        Object[] lampCheaper = lamp.clone();
        lampCheaper[5] = new BigDecimal("17.49");
        lampCheaper[10] = T3;
        List<OltpChange> changes =
                List.of(
                        new OltpChange(Kind.INSERT, OltpTable.TENANTS, tenant("acme")),
                        new OltpChange(Kind.INSERT, OltpTable.CUSTOMERS, ann),
                        new OltpChange(Kind.INSERT, OltpTable.CUSTOMERS, bob),
                        new OltpChange(Kind.UPDATE, OltpTable.CUSTOMERS, annMoved),
                        new OltpChange(Kind.DELETE, OltpTable.CUSTOMERS, bob),
                        new OltpChange(Kind.INSERT, OltpTable.PRODUCTS, lamp),
                        new OltpChange(Kind.INSERT, OltpTable.PRICE_LISTS, priceList("globex")),
                        new OltpChange(Kind.UPDATE, OltpTable.PRODUCTS, lampCheaper));

        CdcProjection cdc = CdcProjection.of(changes.iterator());

        assertThat(cdc.customers())
                .containsExactly(
                        new CustomerRow(
                                "acme",
                                "PC-000001",
                                "Ann Lee",
                                "ann.lee@example.com",
                                "+1-555-1234",
                                "gold",
                                "Austin",
                                "US",
                                CREATED));
        assertThat(cdc.products())
                .containsExactly(
                        new ProductRow(
                                "globex",
                                "PG-0001",
                                "Steel Lamp 100",
                                "home",
                                new BigDecimal("17.49"),
                                "EUR"));
        assertThat(cdc.bronzeEvents()).isEqualTo(Map.of("acme", 5L, "globex", 3L));
    }

    @Test
    void aGeneratedWorkloadsExpectationCoversBothSources() {
        WorkloadParams params = TestWorkloads.small(17, 5_000).build();
        Workload workload = Workload.of(params);
        Expectation webhooks = workload.expectation();
        CdcProjection cdc = CdcProjection.of(workload.oltp());

        Expectation both = webhooks.withCdc(cdc);

        OltpState tables = workload.oltp().expectedState();
        int oltpCustomers = tables.size(OltpTable.CUSTOMERS);
        int oltpProducts = tables.size(OltpTable.PRODUCTS);
        assertThat(oltpCustomers).isGreaterThan(150);
        assertThat(both.silver().customers())
                .hasSize(webhooks.silver().customers().size() + oltpCustomers)
                .containsAll(webhooks.silver().customers())
                .containsAll(cdc.customers());
        assertThat(both.silver().products())
                .hasSize(webhooks.silver().products().size() + oltpProducts)
                .containsAll(cdc.products());
        assertThat(both.silver().orders()).isEqualTo(webhooks.silver().orders());
        assertThat(both.silverQuarantine()).isEqualTo(webhooks.silverQuarantine());
        for (var row : tables.rows(OltpTable.CUSTOMERS).values()) {
            assertThat(cdc.customers())
                    .anySatisfy(c -> assertThat(c.customerKey()).isEqualTo(row[2]));
        }

        long changes = workload.oltp().seed().size() + workload.oltp().changeCount();
        assertThat(both.cdcEvents().keySet()).containsExactly("acme", "globex", "initech");
        assertThat(both.bronzeRowsTotal()).isEqualTo(webhooks.bronzeTotal().accepted() + changes);
        assertThat(both.bronzeRows("acme"))
                .isEqualTo(webhooks.bronze("acme").accepted() + both.cdcEvents().get("acme"));
        assertThat(webhooks.cdcEvents()).isEmpty();
        assertThat(webhooks.bronzeRowsTotal()).isEqualTo(webhooks.bronzeTotal().accepted());
    }

    @Test
    void aKeyWrittenByBothSourcesIsRefused() {
        Expectation webhooks = Workload.of(TestWorkloads.small(17, 2_000).build()).expectation();
        CustomerRow taken = webhooks.silver().customers().get(0);
        Object[] clash =
                customer(
                        taken.tenantId(), 1, taken.customerKey(), "X", "x@example.com", "Oslo", T1);

        CdcProjection cdc =
                CdcProjection.of(
                        List.of(new OltpChange(Kind.INSERT, OltpTable.CUSTOMERS, clash))
                                .iterator());

        assertThatThrownBy(() -> webhooks.withCdc(cdc))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(taken.tenantId() + "/" + taken.customerKey());
    }

    private static Object[] tenant(String id) {
        return new Object[] {
            id,
            "Acme Inc.",
            "starter",
            "us-east",
            JsonNodeFactory.instance.objectNode(),
            true,
            T1,
            T1
        };
    }

    private static Object[] customer(
            String tenant,
            long id,
            String ref,
            String name,
            String email,
            String city,
            Instant at) {
        return new Object[] {
            tenant,
            id,
            ref,
            name,
            email,
            "+1-555-1234",
            "gold",
            city,
            "US",
            new BigDecimal("1000.00"),
            true,
            JsonNodeFactory.instance.objectNode(),
            CREATED,
            at
        };
    }

    private static Object[] product(String tenant, long id, String sku, String price, Instant at) {
        return new Object[] {
            tenant,
            id,
            sku,
            "Steel Lamp 100",
            "home",
            new BigDecimal(price),
            "EUR",
            true,
            JsonNodeFactory.instance.objectNode(),
            CREATED,
            at
        };
    }

    private static Object[] priceList(String tenant) {
        return new Object[] {
            tenant, 1L, 1L, "standard", "EUR", new BigDecimal("19.99"), 1, T1, null, T1
        };
    }
}
