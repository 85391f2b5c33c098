package io.strata.gold.input;

import io.strata.model.silver.Customer;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.model.silver.Product;
import io.strata.model.silver.ProductReturn;
import io.strata.model.silver.SupportTicket;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.OutputTag;

/** The Silver entities Gold reads: topic suffix (the entity name) and Avro class. */
public enum SilverEntity {
    CUSTOMER("customer", Customer.class),
    PRODUCT("product", Product.class),
    ORDER("order", Order.class),
    ORDER_LINE("order_line", OrderLine.class),
    SUPPORT_TICKET("support_ticket", SupportTicket.class),
    PRODUCT_RETURN("product_return", ProductReturn.class);

    private final String entityName;
    private final Class<? extends SpecificRecordBase> type;
    private final OutputTag<? extends SpecificRecordBase> tag;

    <T extends SpecificRecordBase> SilverEntity(String entityName, Class<T> type) {
        this.entityName = entityName;
        this.type = type;
        this.tag = new OutputTag<>("silver-" + entityName, new AvroTypeInfo<>(type));
    }

    /** The entity name, as in Silver's topic and table names. */
    public String entityName() {
        return entityName;
    }

    public Class<? extends SpecificRecordBase> type() {
        return type;
    }

    /** The side output of {@link DecodeSilverRows} carrying this entity's rows. */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecordBase> OutputTag<T> tag() {
        return (OutputTag<T>) tag;
    }

    /** The entity whose topic is {@code prefix + entity name}, or null. */
    public static SilverEntity ofTopic(String prefix, String topic) {
        if (!topic.startsWith(prefix)) {
            return null;
        }
        String name = topic.substring(prefix.length());
        for (SilverEntity e : values()) {
            if (e.entityName.equals(name)) {
                return e;
            }
        }
        return null;
    }
}
