package io.strata.quality.silver;

import io.strata.model.silver.Customer;
import io.strata.model.silver.Invoice;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.model.silver.Product;
import io.strata.model.silver.ProductReturn;
import io.strata.model.silver.Shipment;
import io.strata.model.silver.SupportTicket;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The Silver topics quality-async checks: every canonical entity, by its name (the topic is {@code
 * <prefix><name>}) and Avro class.
 */
public enum SilverTopic {
    CUSTOMER("customer", Customer.class, Customer.getClassSchema()),
    PRODUCT("product", Product.class, Product.getClassSchema()),
    ORDER("order", Order.class, Order.getClassSchema()),
    ORDER_LINE("order_line", OrderLine.class, OrderLine.getClassSchema()),
    INVOICE("invoice", Invoice.class, Invoice.getClassSchema()),
    SHIPMENT("shipment", Shipment.class, Shipment.getClassSchema()),
    SUPPORT_TICKET("support_ticket", SupportTicket.class, SupportTicket.getClassSchema()),
    PRODUCT_RETURN("product_return", ProductReturn.class, ProductReturn.getClassSchema());

    private final String entityName;
    private final Class<? extends SpecificRecordBase> type;
    private final List<String> nullableFields;

    SilverTopic(String entityName, Class<? extends SpecificRecordBase> type, Schema schema) {
        this.entityName = entityName;
        this.type = type;
        this.nullableFields =
                schema.getFields().stream()
                        .filter(f -> f.schema().isNullable())
                        .map(Schema.Field::name)
                        .toList();
    }

    /** The entity name, as in Silver's topic and table names. */
    public String entityName() {
        return entityName;
    }

    public Class<? extends SpecificRecordBase> type() {
        return type;
    }

    /** The top-level fields a row may leave null, in schema order: the null-rate rule's fields. */
    public List<String> nullableFields() {
        return nullableFields;
    }

    /** The entity whose topic is {@code prefix + entity name}, or null. */
    public static SilverTopic ofTopic(String prefix, String topic) {
        if (!topic.startsWith(prefix)) {
            return null;
        }
        return ofEntity(topic.substring(prefix.length()));
    }

    /** The entity named {@code name}, or null. */
    public static SilverTopic ofEntity(String name) {
        for (SilverTopic t : values()) {
            if (t.entityName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
