package io.strata.gold.vault;

import static io.strata.gold.vault.SilverRows.ACME;
import static io.strata.gold.vault.SilverRows.at;
import static io.strata.gold.vault.SilverRows.line;
import static io.strata.gold.vault.SilverRows.order;
import static io.strata.gold.vault.SilverRows.orderDelete;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.vault.HashKeys;
import io.strata.model.gold.LinkCustomerOrder;
import io.strata.model.gold.LinkOrderProduct;
import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void anOrderLinksItsCustomer() {
        assertThat(
                        Links.customerOrder(
                                order(ACME, "o-1", "c-1", "placed", null, at(1)), "silver.order"))
                .isEqualTo(
                        new LinkCustomerOrder(
                                // printf 'ACME||C-1||O-1' | md5sum
                                "7b7aa244c7f81beafd58c11864b5a4ae",
                                HashKeys.hashKey(ACME, "c-1"),
                                HashKeys.hashKey(ACME, "o-1"),
                                ACME,
                                at(1),
                                "silver.order"));
    }

    @Test
    void aMissingCustomerIsTheGhostKey() {
        assertThat(
                        Links.customerOrder(
                                order(ACME, "o-1", null, "placed", null, at(1)), "silver.order"))
                .isEqualTo(
                        new LinkCustomerOrder(
                                // printf 'ACME||^^||O-1' | md5sum
                                "3eb46d0ed4cb242cc4bea5e7bd9035af",
                                HashKeys.GHOST,
                                HashKeys.hashKey(ACME, "o-1"),
                                ACME,
                                at(1),
                                "silver.order"));
    }

    @Test
    void anOrderLineLinksItsOrderAndProductOrTheGhost() {
        assertThat(Links.orderProduct(line(ACME, "o-1", "1", "p-1", at(1)), "silver.order_line"))
                .isEqualTo(
                        new LinkOrderProduct(
                                HashKeys.hashKey(ACME, "o-1", "p-1"),
                                HashKeys.hashKey(ACME, "o-1"),
                                HashKeys.hashKey(ACME, "p-1"),
                                ACME,
                                at(1),
                                "silver.order_line"));
        assertThat(Links.orderProduct(line(ACME, "o-1", "2", "", at(1)), "silver.order_line"))
                .isEqualTo(
                        new LinkOrderProduct(
                                HashKeys.hashKey(ACME, "o-1", null),
                                HashKeys.hashKey(ACME, "o-1"),
                                HashKeys.GHOST,
                                ACME,
                                at(1),
                                "silver.order_line"));
    }

    @Test
    void aDeletedOrderBringsNoLink() {
        assertThat(Links.customerOrder(orderDelete(ACME, "o-1", at(1)), "silver.order")).isNull();
    }
}
