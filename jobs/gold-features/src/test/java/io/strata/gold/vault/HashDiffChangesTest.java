package io.strata.gold.vault;

import static io.strata.gold.vault.SilverRows.ACME;
import static io.strata.gold.vault.SilverRows.at;
import static io.strata.gold.vault.SilverRows.customer;
import static io.strata.gold.vault.SilverRows.customerDelete;
import static io.strata.gold.vault.SilverRows.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.gold.vault.VaultHarness.Backend;
import io.strata.model.gold.SatCustomerDetails;
import io.strata.model.gold.SatOrderHeader;
import io.strata.model.silver.Customer;
import java.time.Instant;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HashDiffChangesTest {

    private static final String CUSTOMERS = "silver.customer";

    @Test
    void aToBToAIsThreeRows() throws Exception {
        try (var sat = customerDetails(Backend.HEAP, null)) {
            sat.process(details("c-1", "Anna", at(1)));
            sat.process(details("c-1", "Anne", at(2)));
            sat.process(details("c-1", "Anna", at(3)));

            assertThat(sat.emitted())
                    .containsExactly(
                            details("c-1", "Anna", at(1)),
                            details("c-1", "Anne", at(2)),
                            details("c-1", "Anna", at(3)));
        }
    }

    @Test
    void theSameContentAgainIsNoRow() throws Exception {
        try (var sat = customerDetails(Backend.HEAP, null)) {
            sat.process(details("c-1", "Anna", at(1)));
            sat.process(details("c-1", "Anna", at(2)));
            Customer shouted = customer(ACME, "c-1", "Anna", at(3));
            shouted.setName(" ANNA ");
            sat.process(Satellites.customerDetails(shouted, CUSTOMERS));

            // Hash diffs normalize like keys: case and surrounding blanks are no change.
            assertThat(sat.emitted()).containsExactly(details("c-1", "Anna", at(1)));
        }
    }

    @Test
    void eachKeyHasItsOwnHistory() throws Exception {
        try (var sat = customerDetails(Backend.HEAP, null)) {
            sat.process(details("c-1", "Anna", at(1)));
            sat.process(details("c-2", "Anna", at(1)));
            sat.process(details("c-2", "Anna", at(2)));

            assertThat(sat.emitted())
                    .containsExactly(details("c-1", "Anna", at(1)), details("c-2", "Anna", at(1)));
        }
    }

    @Test
    void aDeleteIsADeletedRowOnceAndARevivalIsARowAgain() throws Exception {
        try (var sat = customerDetails(Backend.HEAP, null)) {
            sat.process(details("c-1", "Anna", at(1)));
            sat.process(deleted("c-1", at(2)));
            sat.process(deleted("c-1", at(3)));
            sat.process(details("c-1", "Anna", at(4)));

            assertThat(sat.emitted())
                    .containsExactly(
                            details("c-1", "Anna", at(1)),
                            deleted("c-1", at(2)),
                            details("c-1", "Anna", at(4)));
            assertThat(deleted("c-1", at(2)).getDeleted()).isTrue();
        }
    }

    @Test
    void orderHeadersChangeWithTheirStatus() throws Exception {
        try (var sat =
                VaultHarness.<SatOrderHeader>open(
                        new HashDiffChanges<>(), VaultTable.SAT_ORDER_HEADER, Backend.HEAP, null)) {
            sat.process(header("placed", at(1)));
            sat.process(header("placed", at(2)));
            sat.process(header("paid", at(3)));

            assertThat(sat.emitted())
                    .containsExactly(header("placed", at(1)), header("paid", at(3)));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theLastHashDiffSurvivesSnapshotAndRestore(Backend backend) throws Exception {
        OperatorSubtaskState snapshot;
        try (var sat = customerDetails(backend, null)) {
            sat.process(details("c-1", "Anna", at(1)));
            sat.process(details("c-1", "Anne", at(2)));
            snapshot = sat.snapshot();
        }
        try (var restored = customerDetails(backend, snapshot)) {
            restored.process(details("c-1", "Anne", at(2)));
            restored.process(details("c-1", "Anna", at(3)));

            assertThat(restored.emitted()).containsExactly(details("c-1", "Anna", at(3)));
        }
    }

    private static VaultHarness<SatCustomerDetails> customerDetails(
            Backend backend, OperatorSubtaskState state) throws Exception {
        return VaultHarness.open(
                new HashDiffChanges<>(), VaultTable.SAT_CUSTOMER_DETAILS, backend, state);
    }

    private static SatCustomerDetails details(String key, String name, Instant at) {
        return Satellites.customerDetails(customer(ACME, key, name, at), CUSTOMERS);
    }

    private static SatCustomerDetails deleted(String key, Instant at) {
        return Satellites.customerDetails(customerDelete(ACME, key, at), CUSTOMERS);
    }

    private static SatOrderHeader header(String status, Instant at) {
        return Satellites.orderHeader(
                order(ACME, "o-1", "c-1", status, "20.00", at), "silver.order");
    }
}
