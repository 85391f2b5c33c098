package io.strata.gold.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.model.gold.HubProduct;
import io.strata.model.gold.SatOrderHeader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GhostsTest {

    private static final String ZEROS = "00000000000000000000000000000000";

    @Test
    void everyHubAndSatelliteHasAGhostRow() {
        assertThat(Ghosts.TABLES)
                .containsExactly(
                        VaultTable.HUB_CUSTOMER,
                        VaultTable.HUB_PRODUCT,
                        VaultTable.HUB_ORDER,
                        VaultTable.SAT_CUSTOMER_DETAILS,
                        VaultTable.SAT_PRODUCT_DETAILS,
                        VaultTable.SAT_ORDER_HEADER);
        for (VaultTable table : Ghosts.TABLES) {
            var ghost = Ghosts.of(table);
            assertThat(ghost).isInstanceOf(table.type());
            assertThat(ghost.get(table.hashKeyColumn())).isEqualTo(ZEROS);
            assertThat(ghost.get("load_time")).isEqualTo(Instant.EPOCH);
            assertThat(ghost.get("record_source")).isEqualTo("SYSTEM");
        }
    }

    @Test
    void aHubsGhostHasThePlaceholderForTenantAndKey() {
        assertThat(Ghosts.of(VaultTable.HUB_PRODUCT))
                .isEqualTo(new HubProduct(ZEROS, "^^", "^^", Instant.EPOCH, "SYSTEM"));
    }

    @Test
    void aSatellitesGhostHasNoColumnsAndIsNotDeleted() {
        assertThat(Ghosts.of(VaultTable.SAT_ORDER_HEADER))
                .isEqualTo(
                        new SatOrderHeader(
                                ZEROS,
                                Instant.EPOCH,
                                ZEROS,
                                "SYSTEM",
                                null,
                                null,
                                null,
                                null,
                                null,
                                false));
    }

    @Test
    void linksHaveNone() {
        assertThatThrownBy(() -> Ghosts.of(VaultTable.LINK_CUSTOMER_ORDER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
