package io.strata.silver.config;

import io.strata.model.silver.Customer;
import io.strata.model.silver.Invoice;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.model.silver.Product;
import io.strata.model.silver.ProductReturn;
import io.strata.model.silver.Shipment;
import io.strata.model.silver.SupportTicket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The canonical Silver entities a tenant configuration can extract: each is an Avro class of {@code
 * io.strata.model.silver} with a {@code meta} column and business-key fields. This is the canonical
 * model, shared by every tenant; what a tenant sends lives in its configuration.
 *
 * <p>Names are the snake_case Avro record names ({@code OrderLine -> order_line}).
 */
public enum CanonicalEntity {
    CUSTOMER(Customer.getClassSchema(), Customer::new, null, "customer_key"),
    PRODUCT(Product.getClassSchema(), Product::new, null, "product_key"),
    ORDER(Order.getClassSchema(), Order::new, null, "order_key"),
    /** Lines belong to their order: deleting the order deletes them. */
    ORDER_LINE(OrderLine.getClassSchema(), OrderLine::new, "order", "order_key", "line_key"),
    INVOICE(Invoice.getClassSchema(), Invoice::new, null, "invoice_key"),
    SHIPMENT(Shipment.getClassSchema(), Shipment::new, null, "shipment_key"),
    PRODUCT_RETURN(ProductReturn.getClassSchema(), ProductReturn::new, null, "return_key"),
    SUPPORT_TICKET(SupportTicket.getClassSchema(), SupportTicket::new, null, "ticket_key");

    /** The lineage column every entity carries; filled by the extractor, never by a rule. */
    public static final String META = "meta";

    private static final Map<String, CanonicalEntity> BY_NAME =
            Arrays.stream(values())
                    .collect(Collectors.toUnmodifiableMap(CanonicalEntity::entityName, e -> e));

    private final Schema schema;
    private final Supplier<SpecificRecordBase> factory;
    private final String parentName;
    private final List<String> keyFields;
    private final String entityName;
    private final Map<String, CanonicalField> fields;

    CanonicalEntity(
            Schema schema,
            Supplier<SpecificRecordBase> factory,
            String parentName,
            String... keyFields) {
        this.schema = schema;
        this.factory = factory;
        this.parentName = parentName;
        this.keyFields = List.of(keyFields);
        this.entityName = snakeCase(schema.getName());
        Map<String, CanonicalField> f = new LinkedHashMap<>();
        for (Schema.Field field : schema.getFields()) {
            if (!field.name().equals(META)) {
                f.put(field.name(), CanonicalField.of(field));
            }
        }
        this.fields = Collections.unmodifiableMap(f);
    }

    /** The entity of this name, or null. */
    public static CanonicalEntity byName(String name) {
        return BY_NAME.get(name);
    }

    /** All names, for "expected one of" messages. */
    public static String names() {
        return Arrays.stream(values()).map(e -> e.entityName).collect(Collectors.joining(", "));
    }

    public String entityName() {
        return entityName;
    }

    public Schema schema() {
        return schema;
    }

    /** A new, empty record of the entity's Avro class. */
    public SpecificRecordBase newRecord() {
        return factory.get();
    }

    /** The business-key fields, in the order a composite {@code key:} lists them. */
    public List<String> keyFields() {
        return keyFields;
    }

    /** The entity whose delete removes this one too (an order's lines), or null. */
    public CanonicalEntity parent() {
        return parentName == null ? null : byName(parentName);
    }

    /** Every field but {@code meta}, in schema order. */
    public Map<String, CanonicalField> fields() {
        return fields;
    }

    public CanonicalField field(String name) {
        return fields.get(name);
    }

    /** The non-key fields: what a hash diff covers. */
    public List<CanonicalField> contentFields() {
        List<CanonicalField> out = new ArrayList<>();
        fields.values()
                .forEach(
                        f -> {
                            if (!keyFields.contains(f.name())) {
                                out.add(f);
                            }
                        });
        return out;
    }

    public int metaPosition() {
        return schema.getField(META).pos();
    }

    static String snakeCase(String camel) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                sb.append('_');
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }
}
