package io.strata.gold.vault;

import static io.strata.gold.vault.SilverRows.ACME;
import static io.strata.gold.vault.SilverRows.at;
import static io.strata.gold.vault.SilverRows.customer;
import static io.strata.gold.vault.SilverRows.line;
import static io.strata.gold.vault.SilverRows.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.strata.common.vault.HashKeys;
import io.strata.gold.vault.VaultHarness.Backend;
import io.strata.model.gold.HubCustomer;
import io.strata.model.gold.LinkCustomerOrder;
import io.strata.model.gold.LinkOrderProduct;
import java.time.Instant;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FirstSightingTest {

    private static final String CUSTOMERS = "silver.customer";
    private static final String ORDERS = "silver.order";
    private static final String LINES = "silver.order_line";

    @Test
    void aHubKeyIsWrittenOnceAcrossDuplicatesAndLaterVersions() throws Exception {
        try (var hub = hubCustomer(Backend.HEAP, null)) {
            hub.process(fromCustomers("c-1", at(1)));
            hub.process(fromCustomers("c-1", at(1)));
            hub.process(fromCustomers("c-1", at(5)));
            hub.process(fromOrders("c-1", at(7)));
            hub.process(fromCustomers("c-2", at(2)));

            assertThat(hub.emitted())
                    .containsExactly(fromCustomers("c-1", at(1)), fromCustomers("c-2", at(2)));
        }
    }

    @Test
    void anEarlierSightingReadLaterRewritesTheKeysRow() throws Exception {
        try (var hub = hubCustomer(Backend.HEAP, null)) {
            hub.process(fromOrders("c-1", at(5)));
            hub.process(fromCustomers("c-1", at(1)));
            hub.process(fromOrders("c-1", at(3)));

            assertThat(hub.emitted())
                    .containsExactly(fromOrders("c-1", at(5)), fromCustomers("c-1", at(1)));
        }
    }

    @Test
    void atTheSameLoadTimeTheSmallerRecordSourceWins() throws Exception {
        try (var hub = hubCustomer(Backend.HEAP, null)) {
            hub.process(fromOrders("c-1", at(1)));
            hub.process(fromCustomers("c-1", at(1)));
            hub.process(fromOrders("c-1", at(1)));

            assertThat(hub.emitted())
                    .containsExactly(fromOrders("c-1", at(1)), fromCustomers("c-1", at(1)));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void keysAreRememberedAcrossSnapshotAndRestore(Backend backend) throws Exception {
        OperatorSubtaskState snapshot;
        try (var hub = hubCustomer(backend, null)) {
            hub.process(fromCustomers("c-1", at(2)));
            hub.process(fromCustomers("c-2", at(2)));
            snapshot = hub.snapshot();
        }
        try (var restored = hubCustomer(backend, snapshot)) {
            restored.process(fromCustomers("c-1", at(2)));
            restored.process(fromOrders("c-2", at(4)));
            restored.process(fromCustomers("c-3", at(3)));
            restored.process(fromOrders("c-1", at(1)));

            assertThat(restored.emitted())
                    .containsExactly(fromCustomers("c-3", at(3)), fromOrders("c-1", at(1)));
        }
    }

    @Test
    void aCustomerOrderLinkIsWrittenOncePerPairAndAChangedCustomerIsANewLink() throws Exception {
        try (var links =
                VaultHarness.<LinkCustomerOrder>open(
                        new FirstSighting<>(),
                        VaultTable.LINK_CUSTOMER_ORDER,
                        Backend.HEAP,
                        null)) {
            links.process(customerOrder("o-1", "c-1", "placed", at(1)));
            links.process(customerOrder("o-1", "c-1", "paid", at(2)));
            links.process(customerOrder("o-1", "c-2", "paid", at(3)));
            links.process(customerOrder("o-1", "c-1", "paid", at(4)));
            links.process(customerOrder("o-2", null, "placed", at(5)));

            assertThat(links.emitted())
                    .extracting(
                            LinkCustomerOrder::getCustomerHk,
                            LinkCustomerOrder::getOrderHk,
                            LinkCustomerOrder::getLoadTime)
                    .containsExactly(
                            tuple(hk("c-1"), hk("o-1"), at(1)),
                            tuple(hk("c-2"), hk("o-1"), at(3)),
                            tuple(HashKeys.GHOST, hk("o-2"), at(5)));
        }
    }

    @Test
    void anOrderProductLinkIsWrittenOncePerOrderAndProduct() throws Exception {
        try (var links =
                VaultHarness.<LinkOrderProduct>open(
                        new FirstSighting<>(), VaultTable.LINK_ORDER_PRODUCT, Backend.HEAP, null)) {
            links.process(Links.orderProduct(line(ACME, "o-1", "1", "p-1", at(1)), LINES));
            links.process(Links.orderProduct(line(ACME, "o-1", "2", "p-1", at(1)), LINES));
            links.process(Links.orderProduct(line(ACME, "o-1", "3", "p-2", at(2)), LINES));

            assertThat(links.emitted())
                    .containsExactly(
                            Links.orderProduct(line(ACME, "o-1", "1", "p-1", at(1)), LINES),
                            Links.orderProduct(line(ACME, "o-1", "3", "p-2", at(2)), LINES));
        }
    }

    private static VaultHarness<HubCustomer> hubCustomer(
            Backend backend, OperatorSubtaskState state) throws Exception {
        return VaultHarness.open(new FirstSighting<>(), VaultTable.HUB_CUSTOMER, backend, state);
    }

    private static HubCustomer fromCustomers(String key, Instant at) {
        return Hubs.customer(customer(ACME, key, "Anna", at), CUSTOMERS);
    }

    private static HubCustomer fromOrders(String key, Instant at) {
        return Hubs.customerOf(order(ACME, "o-" + key, key, "placed", null, at), ORDERS);
    }

    private static LinkCustomerOrder customerOrder(
            String orderKey, String customerKey, String status, Instant at) {
        return Links.customerOrder(order(ACME, orderKey, customerKey, status, null, at), ORDERS);
    }

    private static String hk(String key) {
        return HashKeys.hashKey(ACME, key);
    }
}
