package io.strata.gold.vault;

import static io.strata.gold.vault.SilverRows.ACME;
import static io.strata.gold.vault.SilverRows.at;
import static io.strata.gold.vault.SilverRows.customer;
import static io.strata.gold.vault.SilverRows.customerDelete;
import static io.strata.gold.vault.SilverRows.line;
import static io.strata.gold.vault.SilverRows.order;
import static io.strata.gold.vault.SilverRows.orderDelete;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.vault.HashKeys;
import io.strata.model.gold.HubCustomer;
import io.strata.model.gold.HubOrder;
import io.strata.model.gold.HubProduct;
import org.junit.jupiter.api.Test;

class HubsTest {

    @Test
    void aCustomerRowBringsItsKeyWithItsEventTimeAndTopic() {
        assertThat(Hubs.customer(customer(ACME, "c-1", "Anna", at(1)), "silver.customer"))
                .isEqualTo(
                        new HubCustomer(
                                // printf 'ACME||C-1' | md5sum
                                "96a864630e680cd1844c2134a5c40b37",
                                ACME,
                                "c-1",
                                at(1),
                                "silver.customer"));
    }

    @Test
    void anOrderBringsItsOwnKeyAndItsCustomersKey() {
        var order = order(ACME, "o-1", "c-1", "placed", "20.00", at(2));

        assertThat(Hubs.order(order, "silver.order"))
                .isEqualTo(
                        new HubOrder(
                                HashKeys.hashKey(ACME, "o-1"), ACME, "o-1", at(2), "silver.order"));
        assertThat(Hubs.customerOf(order, "silver.order"))
                .isEqualTo(
                        new HubCustomer(
                                "96a864630e680cd1844c2134a5c40b37",
                                ACME,
                                "c-1",
                                at(2),
                                "silver.order"));
    }

    @Test
    void anOrderLineBringsItsOrdersAndItsProductsKey() {
        var line = line(ACME, "o-1", "1", "p-1", at(3));

        assertThat(Hubs.orderOf(line, "silver.order_line"))
                .isEqualTo(
                        new HubOrder(
                                HashKeys.hashKey(ACME, "o-1"),
                                ACME,
                                "o-1",
                                at(3),
                                "silver.order_line"));
        assertThat(Hubs.productOf(line, "silver.order_line"))
                .isEqualTo(
                        new HubProduct(
                                HashKeys.hashKey(ACME, "p-1"),
                                ACME,
                                "p-1",
                                at(3),
                                "silver.order_line"));
    }

    @Test
    void aMissingReferenceBringsNoKey() {
        assertThat(Hubs.customerOf(order(ACME, "o-1", null, "placed", null, at(1)), "s")).isNull();
        assertThat(Hubs.customerOf(order(ACME, "o-1", " ", "placed", null, at(1)), "s")).isNull();
        assertThat(Hubs.productOf(line(ACME, "o-1", "1", null, at(1)), "s")).isNull();
    }

    @Test
    void aDeletedVersionBringsNoKey() {
        assertThat(Hubs.customer(customerDelete(ACME, "c-1", at(1)), "s")).isNull();
        assertThat(Hubs.order(orderDelete(ACME, "o-1", at(1)), "s")).isNull();
    }
}
