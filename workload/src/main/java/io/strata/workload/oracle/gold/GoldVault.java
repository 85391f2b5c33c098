package io.strata.workload.oracle.gold;

import io.strata.workload.oracle.gold.VaultRows.CustomerDetails;
import io.strata.workload.oracle.gold.VaultRows.CustomerOrderLink;
import io.strata.workload.oracle.gold.VaultRows.HubRow;
import io.strata.workload.oracle.gold.VaultRows.OrderHeader;
import io.strata.workload.oracle.gold.VaultRows.OrderProductLink;
import io.strata.workload.oracle.gold.VaultRows.ProductDetails;
import java.util.List;

/**
 * The expected content of the vault's tables, ghost rows included. Hubs and links are sorted by
 * their hash key, satellites by hash key and load time (the tables' identifiers), so two vaults
 * compare with {@code equals}.
 */
public record GoldVault(
        List<HubRow> hubCustomer,
        List<HubRow> hubProduct,
        List<HubRow> hubOrder,
        List<CustomerOrderLink> linkCustomerOrder,
        List<OrderProductLink> linkOrderProduct,
        List<CustomerDetails> satCustomerDetails,
        List<ProductDetails> satProductDetails,
        List<OrderHeader> satOrderHeader) {

    public GoldVault {
        hubCustomer = List.copyOf(hubCustomer);
        hubProduct = List.copyOf(hubProduct);
        hubOrder = List.copyOf(hubOrder);
        linkCustomerOrder = List.copyOf(linkCustomerOrder);
        linkOrderProduct = List.copyOf(linkOrderProduct);
        satCustomerDetails = List.copyOf(satCustomerDetails);
        satProductDetails = List.copyOf(satProductDetails);
        satOrderHeader = List.copyOf(satOrderHeader);
    }
}
