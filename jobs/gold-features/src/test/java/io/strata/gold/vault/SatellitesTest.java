package io.strata.gold.vault;

import static io.strata.gold.vault.SilverRows.ACME;
import static io.strata.gold.vault.SilverRows.MONDAY_9AM;
import static io.strata.gold.vault.SilverRows.at;
import static io.strata.gold.vault.SilverRows.customer;
import static io.strata.gold.vault.SilverRows.customerDelete;
import static io.strata.gold.vault.SilverRows.order;
import static io.strata.gold.vault.SilverRows.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.vault.HashKeys;
import io.strata.model.gold.SatCustomerDetails;
import io.strata.model.gold.SatOrderHeader;
import io.strata.model.gold.SatProductDetails;
import io.strata.model.silver.Customer;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SatellitesTest {

    @Test
    void customerDetailsHashTheDescriptiveColumnsInTheSpecsOrder() {
        assertThat(
                        Satellites.customerDetails(
                                customer(ACME, "c-1", "Anna", at(1)), "silver.customer"))
                .isEqualTo(
                        SatCustomerDetails.newBuilder()
                                .setCustomerHk(HashKeys.hashKey(ACME, "c-1"))
                                .setLoadTime(at(1))
                                // printf 'ANNA||ANNA@EXAMPLE.COM||^^||^^||^^||^^||^^' | md5sum
                                .setHashDiff("f70ba36a7d21fb8025ec2b9ddd666232")
                                .setRecordSource("silver.customer")
                                .setName("Anna")
                                .setEmail("anna@example.com")
                                .setDeleted(false)
                                .build());
    }

    @Test
    void aDeleteKeepsItsColumnsAndHashesTheTextDeletedToo() {
        Customer delete = customerDelete(ACME, "c-1", at(2));
        delete.setName("Anna");
        delete.setEmail("anna@example.com");

        SatCustomerDetails row = Satellites.customerDetails(delete, "silver.customer");

        assertThat(row.getDeleted()).isTrue();
        assertThat(row.getName()).isEqualTo("Anna");
        // printf 'ANNA||ANNA@EXAMPLE.COM||^^||^^||^^||^^||^^||DELETED' | md5sum
        assertThat(row.getHashDiff()).isEqualTo("d64ffdc29230d43191c388f0152c8c53");
    }

    @Test
    void productDetailsRenderThePriceWithItsScale() {
        assertThat(
                        Satellites.productDetails(
                                product(ACME, "p-1", "Widget", "20.00", at(1)), "silver.product"))
                .isEqualTo(
                        new SatProductDetails(
                                HashKeys.hashKey(ACME, "p-1"),
                                at(1),
                                // printf 'WIDGET||^^||20.00||EUR' | md5sum
                                "47fd26dc8a84fc1c0d052189b6af7679",
                                "silver.product",
                                "Widget",
                                null,
                                new BigDecimal("20.00"),
                                "EUR",
                                false));
    }

    @Test
    void orderHeadersRenderTheOrderTimeAsEpochMillis() {
        assertThat(
                        Satellites.orderHeader(
                                order(ACME, "o-1", "c-1", "placed", "20.00", at(3)),
                                "silver.order"))
                .isEqualTo(
                        new SatOrderHeader(
                                HashKeys.hashKey(ACME, "o-1"),
                                at(3),
                                // printf '1709542800000||PLACED||WEB||EUR||20.00' | md5sum
                                "68ccd44efed40c4f64f3f1071e1da8ad",
                                "silver.order",
                                MONDAY_9AM,
                                "placed",
                                "web",
                                "EUR",
                                new BigDecimal("20.00"),
                                false));
    }
}
