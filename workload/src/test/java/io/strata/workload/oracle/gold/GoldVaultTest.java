package io.strata.workload.oracle.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.strata.workload.oracle.SilverRows.CustomerRow;
import io.strata.workload.oracle.SilverRows.OrderLineRow;
import io.strata.workload.oracle.SilverRows.OrderRow;
import io.strata.workload.oracle.SilverRows.ProductRow;
import io.strata.workload.oracle.SilverRows.Row;
import io.strata.workload.oracle.SilverVersion;
import io.strata.workload.oracle.gold.VaultRows.CustomerDetails;
import io.strata.workload.oracle.gold.VaultRows.CustomerOrderLink;
import io.strata.workload.oracle.gold.VaultRows.HubRow;
import io.strata.workload.oracle.gold.VaultRows.OrderHeader;
import io.strata.workload.oracle.gold.VaultRows.OrderProductLink;
import io.strata.workload.oracle.gold.VaultRows.ProductDetails;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-made change logs with the vault rows they must produce. Hashes are literal, computed with
 * {@code printf '%s' 'ACME||C-1' | md5sum}.
 */
class GoldVaultTest {

    private static final String GHOST = "00000000000000000000000000000000";
    private static final String C1 = "96a864630e680cd1844c2134a5c40b37"; // ACME||C-1
    private static final String SO1 = "a27cb9ec1223016756b3852d265d5d87"; // ACME||SO-1
    private static final String SO2 = "bd8d821e3c1ede1ba22a0db7465eaa06"; // ACME||SO-2
    private static final String SKU1 = "9e25b4fd87e9c8c67c091e4732743a08"; // ACME||SKU-1
    private static final String C1_SO1 = "07d44a2899a7a752d3059f5fcebc45a8"; // ACME||C-1||SO-1
    private static final String SO1_SKU1 = "0f8b1932d6dcdacd318e638b407122e6"; // ACME||SO-1||SKU-1
    private static final String NONE_SO2 = "5dfbf436d438c2ac205db35a70dbba73"; // ACME||^^||SO-2

    // ADA LOVELACE||ADA@EXAMPLE.COM||^^||GOLD||BOSTON||US||1620043200000
    private static final String IN_BOSTON = "cdfc22ea2be7e92ec8d16bebca2fb36d";
    // ADA LOVELACE||ADA@EXAMPLE.COM||^^||GOLD||AUSTIN||US||1620043200000
    private static final String IN_AUSTIN = "d4a82eadbf879ae8e95eb3faf9504617";
    // 1709287200000||PLACED||WEB||USD||39.98
    private static final String PLACED = "bc242d9f15c58e361a411105880d4d5d";
    // 1709287200000||PAID||WEB||USD||39.98
    private static final String PAID = "75aac8c9f698fdf3b1c7632e64c4351d";
    // 0||^^||^^||^^||^^||DELETED
    private static final String ORDER_DELETED = "45d531831cda54b2f21170b1c9044e77";
    // WIDGET||TOOLS||19.99||USD
    private static final String WIDGET = "0978090c6c518976b449dccdce5060da";

    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Instant T3 = T0.plusSeconds(180);
    private static final Instant SINCE = Instant.parse("2021-05-03T12:00:00Z");

    private final List<SilverVersion> log = new ArrayList<>();

    @Test
    void satelliteRowsAreWrittenWhenTheHashDiffChanges() {
        add(customer("Ada Lovelace", "Boston"), T0);
        add(customer("Ada Lovelace", "Austin"), T1);
        add(customer("Ada Lovelace", "Boston"), T2);
        // Silver publishes it (its content changed), but Gold's normalized hash diff is the same.
        add(customer("ADA LOVELACE ", "Boston"), T3);

        GoldVault vault = GoldOracle.of(log).vault();

        assertThat(vault.satCustomerDetails())
                .containsExactly(
                        new CustomerDetails(
                                GHOST,
                                Instant.EPOCH,
                                GHOST,
                                "SYSTEM",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false),
                        details(T0, IN_BOSTON, "Boston"),
                        details(T1, IN_AUSTIN, "Austin"),
                        details(T2, IN_BOSTON, "Boston"));
        assertThat(vault.hubCustomer())
                .containsExactly(
                        new HubRow(GHOST, "^^", "^^", Instant.EPOCH, "SYSTEM"),
                        new HubRow(C1, "acme", "C-1", T0, "silver.customer"));
    }

    @Test
    void twoVersionsWithOneEventTimeKeepTheLaterContent() {
        add(customer("Ada Lovelace", "Boston"), T0);
        add(customer("Ada Lovelace", "Austin"), T0);

        assertThat(GoldOracle.of(log).vault().satCustomerDetails())
                .extracting(CustomerDetails::customerHk, CustomerDetails::city)
                .containsExactly(tuple(GHOST, null), tuple(C1, "Austin"));
    }

    @Test
    void hubAndLinkKeysAreWrittenOnceFromTheFirstVersionThatBringsThem() {
        add(customer("Ada Lovelace", "Boston"), T0);
        add(order("C-1", "placed"), T0);
        add(line(), T0);
        add(order("C-1", "paid"), T1);
        add(line(), T1);
        add(new ProductRow("acme", "SKU-1", "Widget", "tools", amount("19.99"), "USD"), T2);

        GoldVault vault = GoldOracle.of(log).vault();

        assertThat(vault.hubCustomer())
                .containsExactly(
                        new HubRow(GHOST, "^^", "^^", Instant.EPOCH, "SYSTEM"),
                        new HubRow(C1, "acme", "C-1", T0, "silver.customer"));
        assertThat(vault.hubOrder())
                .containsExactly(
                        new HubRow(GHOST, "^^", "^^", Instant.EPOCH, "SYSTEM"),
                        new HubRow(SO1, "acme", "SO-1", T0, "silver.order"));
        assertThat(vault.hubProduct())
                .containsExactly(
                        new HubRow(GHOST, "^^", "^^", Instant.EPOCH, "SYSTEM"),
                        new HubRow(SKU1, "acme", "SKU-1", T0, "silver.order_line"));
        assertThat(vault.linkCustomerOrder())
                .containsExactly(
                        new CustomerOrderLink(C1_SO1, C1, SO1, "acme", T0, "silver.order"));
        assertThat(vault.linkOrderProduct())
                .containsExactly(
                        new OrderProductLink(SO1_SKU1, SO1, SKU1, "acme", T0, "silver.order_line"));
        assertThat(vault.satOrderHeader())
                .containsExactly(
                        new OrderHeader(
                                GHOST,
                                Instant.EPOCH,
                                GHOST,
                                "SYSTEM",
                                null,
                                null,
                                null,
                                null,
                                null,
                                false),
                        header(T0, PLACED, "placed"),
                        header(T1, PAID, "paid"));
        assertThat(vault.satProductDetails())
                .containsExactly(
                        new ProductDetails(
                                GHOST,
                                Instant.EPOCH,
                                GHOST,
                                "SYSTEM",
                                null,
                                null,
                                null,
                                null,
                                false),
                        new ProductDetails(
                                SKU1,
                                T2,
                                WIDGET,
                                "silver.product",
                                "Widget",
                                "tools",
                                amount("19.99"),
                                "USD",
                                false));
    }

    @Test
    void anOrderWithoutCustomerLinksToTheGhost() {
        add(order(null, "placed", "SO-2"), T0);

        GoldVault vault = GoldOracle.of(log).vault();

        assertThat(vault.linkCustomerOrder())
                .containsExactly(
                        new CustomerOrderLink(NONE_SO2, GHOST, SO2, "acme", T0, "silver.order"));
        assertThat(vault.hubCustomer())
                .containsExactly(new HubRow(GHOST, "^^", "^^", Instant.EPOCH, "SYSTEM"));
        assertThat(vault.hubOrder())
                .containsExactly(
                        new HubRow(GHOST, "^^", "^^", Instant.EPOCH, "SYSTEM"),
                        new HubRow(SO2, "acme", "SO-2", T0, "silver.order"));
    }

    @Test
    void aDeleteIsASatelliteRowAndNoKey() {
        add(order("C-1", "placed"), T0);
        add(line(), T0);
        log.add(
                new SilverVersion(
                        new OrderRow("acme", "SO-1", null, Instant.EPOCH, null, null, null, null),
                        T1,
                        1,
                        true));
        log.add(
                new SilverVersion(
                        new OrderLineRow("acme", "SO-1", "1", null, null, null, null),
                        T1,
                        1,
                        true));
        log.add(
                new SilverVersion(
                        new OrderRow("acme", "SO-2", null, Instant.EPOCH, null, null, null, null),
                        T2,
                        2,
                        true));

        GoldVault vault = GoldOracle.of(log).vault();

        assertThat(vault.hubOrder()).extracting(HubRow::businessKey).containsExactly("^^", "SO-1");
        assertThat(vault.satOrderHeader())
                .containsExactly(
                        new OrderHeader(
                                GHOST,
                                Instant.EPOCH,
                                GHOST,
                                "SYSTEM",
                                null,
                                null,
                                null,
                                null,
                                null,
                                false),
                        header(T0, PLACED, "placed"),
                        new OrderHeader(
                                SO1,
                                T1,
                                ORDER_DELETED,
                                "silver.order",
                                Instant.EPOCH,
                                null,
                                null,
                                null,
                                null,
                                true),
                        new OrderHeader(
                                SO2,
                                T2,
                                ORDER_DELETED,
                                "silver.order",
                                Instant.EPOCH,
                                null,
                                null,
                                null,
                                null,
                                true));
        assertThat(vault.linkOrderProduct()).hasSize(1);
    }

    private void add(Row row, Instant t) {
        log.add(new SilverVersion(row, t, log.size(), false));
    }

    private static CustomerRow customer(String name, String city) {
        return new CustomerRow(
                "acme", "C-1", name, "ada@example.com", null, "gold", city, "US", SINCE);
    }

    private static CustomerDetails details(Instant t, String hashDiff, String city) {
        return new CustomerDetails(
                C1,
                t,
                hashDiff,
                "silver.customer",
                "Ada Lovelace",
                "ada@example.com",
                null,
                "gold",
                city,
                "US",
                SINCE,
                false);
    }

    private static OrderRow order(String customer, String status) {
        return order(customer, status, "SO-1");
    }

    private static OrderRow order(String customer, String status, String key) {
        return new OrderRow("acme", key, customer, T0, status, "web", "USD", amount("39.98"));
    }

    private static OrderHeader header(Instant t, String hashDiff, String status) {
        return new OrderHeader(
                SO1, t, hashDiff, "silver.order", T0, status, "web", "USD", amount("39.98"), false);
    }

    private static OrderLineRow line() {
        return new OrderLineRow("acme", "SO-1", "1", "SKU-1", 2L, amount("19.99"), amount("39.98"));
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }
}
