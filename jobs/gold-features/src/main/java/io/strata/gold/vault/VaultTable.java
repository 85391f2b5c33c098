package io.strata.gold.vault;

import io.strata.model.gold.HubCustomer;
import io.strata.model.gold.HubOrder;
import io.strata.model.gold.HubProduct;
import io.strata.model.gold.LinkCustomerOrder;
import io.strata.model.gold.LinkOrderProduct;
import io.strata.model.gold.SatCustomerDetails;
import io.strata.model.gold.SatOrderHeader;
import io.strata.model.gold.SatProductDetails;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/**
 * The tables of the Data Vault ({@code docs/gold.md}): name, the Avro class of its rows (the one
 * definition of its columns) and its identifier, whose first column is the table's hash key.
 */
public enum VaultTable {
    HUB_CUSTOMER("hub_customer", HubCustomer.class, "customer_hk"),
    HUB_PRODUCT("hub_product", HubProduct.class, "product_hk"),
    HUB_ORDER("hub_order", HubOrder.class, "order_hk"),
    LINK_CUSTOMER_ORDER("link_customer_order", LinkCustomerOrder.class, "customer_order_hk"),
    LINK_ORDER_PRODUCT("link_order_product", LinkOrderProduct.class, "order_product_hk"),
    SAT_CUSTOMER_DETAILS(
            "sat_customer_details",
            SatCustomerDetails.class,
            "customer_hk",
            VaultColumns.LOAD_TIME),
    SAT_PRODUCT_DETAILS(
            "sat_product_details", SatProductDetails.class, "product_hk", VaultColumns.LOAD_TIME),
    SAT_ORDER_HEADER("sat_order_header", SatOrderHeader.class, "order_hk", VaultColumns.LOAD_TIME);

    private final String tableName;
    private final Class<? extends SpecificRecordBase> type;
    private final List<String> identifier;

    VaultTable(String tableName, Class<? extends SpecificRecordBase> type, String... identifier) {
        this.tableName = tableName;
        this.type = type;
        this.identifier = List.of(identifier);
    }

    /** The table's name in the Gold namespace, e.g. {@code hub_customer}. */
    public String tableName() {
        return tableName;
    }

    /** The table's name in operator uids, e.g. {@code hub-customer}. */
    public String uidName() {
        return tableName.replace('_', '-');
    }

    /** The Avro class of the table's rows. */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecordBase> Class<T> type() {
        return (Class<T>) type;
    }

    /** The Avro schema of the rows, from which the Iceberg table's schema is derived. */
    public Schema schema() {
        return SpecificData.getForClass(type).getSchema(type);
    }

    /** The rows' type between operators (Avro's serializer, no Kryo). */
    public <T extends SpecificRecordBase> TypeInformation<T> typeInfo() {
        return new AvroTypeInfo<>(this.<T>type());
    }

    /** The identifier columns: the upsert key of the table. */
    public List<String> identifier() {
        return identifier;
    }

    /** The hash key column: the hub's, the link's, or the hub key a satellite describes. */
    public String hashKeyColumn() {
        return identifier.get(0);
    }
}
