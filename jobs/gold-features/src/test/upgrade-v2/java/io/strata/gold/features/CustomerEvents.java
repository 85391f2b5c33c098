package io.strata.gold.features;

import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import io.strata.model.silver.ProductReturn;
import io.strata.model.silver.SupportTicket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * v2 (upgrade-test fixture): v1 plus the order's currency in its version.
 *
 * <p>v1: The input events of the features made from Silver rows, not yet attributed to a customer.
 */
public final class CustomerEvents {

    private CustomerEvents() {}

    public static CustomerEvent of(Order o) {
        EntityVersion v = version(InputKind.ORDER, o.getOrderKey(), o.getMeta());
        v.customerKey = o.getCustomerKey();
        v.businessTime = o.getOrderTime().toEpochMilli();
        v.amount = o.getTotalAmount();
        v.currency = o.getCurrency();
        return event(v, o.getMeta(), singleObject(o::toByteBuffer));
    }

    public static CustomerEvent of(SupportTicket t) {
        EntityVersion v = version(InputKind.TICKET, t.getTicketKey(), t.getMeta());
        v.customerKey = t.getCustomerKey();
        v.status = t.getStatus();
        return event(v, t.getMeta(), singleObject(t::toByteBuffer));
    }

    public static CustomerEvent of(ProductReturn r) {
        EntityVersion v = version(InputKind.RETURN, r.getReturnKey(), r.getMeta());
        v.customerKey = r.getCustomerKey();
        v.businessTime = r.getReturnTime().toEpochMilli();
        return event(v, r.getMeta(), singleObject(r::toByteBuffer));
    }

    private static EntityVersion version(InputKind kind, String key, EntityMeta meta) {
        EntityVersion v = new EntityVersion();
        v.kind = kind;
        v.key = key;
        v.eventTime = meta.getEventTime().toEpochMilli();
        v.sourcePosition = meta.getSourcePosition();
        v.deleted = meta.getDeleted();
        return v;
    }

    private static CustomerEvent event(EntityVersion v, EntityMeta meta, byte[] silverRow) {
        CustomerEvent e = new CustomerEvent();
        e.tenant = meta.getTenantId();
        e.version = v;
        e.sourceEventId = meta.getSourceEventId();
        e.schemaVersion = meta.getSchemaVersion();
        e.silverRow = silverRow;
        return e;
    }

    /** The row's single-object encoding: the class's static encoder, fingerprint included. */
    private static byte[] singleObject(Encoding encoding) {
        try {
            ByteBuffer buffer = encoding.encode();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            // Encoding to memory fails only for a row that does not match its own schema.
            throw new UncheckedIOException("Could not encode a Silver row", e);
        }
    }

    private interface Encoding {
        ByteBuffer encode() throws IOException;
    }
}
