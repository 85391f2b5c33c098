package io.strata.gold.vault;

import io.strata.common.vault.HashKeys;
import io.strata.model.gold.HubCustomer;
import io.strata.model.gold.HubOrder;
import io.strata.model.gold.HubProduct;
import io.strata.model.gold.SatCustomerDetails;
import io.strata.model.gold.SatOrderHeader;
import io.strata.model.gold.SatProductDetails;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The ghost rows ({@code docs/gold.md}): one per hub and satellite, hash key 32 zeros, business key
 * and tenant {@code ^^}, record source {@code SYSTEM}, load time the epoch; a ghost satellite row
 * has the ghost key as hash diff, no descriptive columns and is not deleted. Links point to them
 * when a reference is missing, so inner joins keep every link row.
 */
final class Ghosts {

    static final String RECORD_SOURCE = "SYSTEM";
    static final Instant LOAD_TIME = Instant.EPOCH;

    /** The tables that hold a ghost row. */
    static final List<VaultTable> TABLES =
            List.of(
                    VaultTable.HUB_CUSTOMER,
                    VaultTable.HUB_PRODUCT,
                    VaultTable.HUB_ORDER,
                    VaultTable.SAT_CUSTOMER_DETAILS,
                    VaultTable.SAT_PRODUCT_DETAILS,
                    VaultTable.SAT_ORDER_HEADER);

    private Ghosts() {}

    /** The ghost row of {@code table}, one of {@link #TABLES}. */
    static SpecificRecordBase of(VaultTable table) {
        String ghost = HashKeys.GHOST;
        String none = HashKeys.NULL_PLACEHOLDER;
        return switch (table) {
            case HUB_CUSTOMER -> new HubCustomer(ghost, none, none, LOAD_TIME, RECORD_SOURCE);
            case HUB_PRODUCT -> new HubProduct(ghost, none, none, LOAD_TIME, RECORD_SOURCE);
            case HUB_ORDER -> new HubOrder(ghost, none, none, LOAD_TIME, RECORD_SOURCE);
            case SAT_CUSTOMER_DETAILS ->
                    SatCustomerDetails.newBuilder()
                            .setCustomerHk(ghost)
                            .setLoadTime(LOAD_TIME)
                            .setHashDiff(ghost)
                            .setRecordSource(RECORD_SOURCE)
                            .build();
            case SAT_PRODUCT_DETAILS ->
                    SatProductDetails.newBuilder()
                            .setProductHk(ghost)
                            .setLoadTime(LOAD_TIME)
                            .setHashDiff(ghost)
                            .setRecordSource(RECORD_SOURCE)
                            .build();
            case SAT_ORDER_HEADER ->
                    SatOrderHeader.newBuilder()
                            .setOrderHk(ghost)
                            .setLoadTime(LOAD_TIME)
                            .setHashDiff(ghost)
                            .setRecordSource(RECORD_SOURCE)
                            .build();
            case LINK_CUSTOMER_ORDER, LINK_ORDER_PRODUCT ->
                    throw new IllegalArgumentException(table + " holds no ghost row");
        };
    }
}
