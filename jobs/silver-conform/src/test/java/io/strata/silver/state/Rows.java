package io.strata.silver.state;

import io.strata.model.silver.Customer;
import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.extract.SilverRow;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Test rows of one tenant: customer {@code c-1} (master data), order {@code o-1} and its lines, at
 * named instants, read from Bronze offsets the tests choose. A row's hash diff is its content (the
 * customer's name, the order's status, the line's quantity), so equal content means equal hash.
 */
final class Rows {

    static final String TENANT = "acme";
    static final Instant MONDAY_9AM = Instant.parse("2024-03-04T09:00:00Z");
    static final Instant NINE_OH_ONE = MONDAY_9AM.plus(Duration.ofMinutes(1));
    static final Instant NINE_OH_TWO = MONDAY_9AM.plus(Duration.ofMinutes(2));
    static final Instant NINE_OH_THREE = MONDAY_9AM.plus(Duration.ofMinutes(3));

    private static final SilverRecords RECORDS = new SilverRecords();

    private Rows() {}

    static SilverChange customer(String name, Instant at, long offset) {
        Customer c =
                Customer.newBuilder()
                        .setMeta(meta(at, offset, name, false))
                        .setCustomerKey("c-1")
                        .setName(name)
                        .build();
        return change(CanonicalEntity.CUSTOMER, "c-1", null, true, c);
    }

    static SilverChange customerDelete(Instant at, long offset) {
        Customer c =
                Customer.newBuilder()
                        .setMeta(meta(at, offset, "", true))
                        .setCustomerKey("c-1")
                        .build();
        return change(CanonicalEntity.CUSTOMER, "c-1", null, true, c);
    }

    static SilverChange order(String status, Instant at, long offset) {
        Order o =
                Order.newBuilder()
                        .setMeta(meta(at, offset, status, false))
                        .setOrderKey("o-1")
                        .setOrderTime(at)
                        .setStatus(status)
                        .build();
        return change(CanonicalEntity.ORDER, "o-1", null, false, o);
    }

    static SilverChange orderDelete(Instant at, long offset) {
        Order o =
                Order.newBuilder()
                        .setMeta(meta(at, offset, "", true))
                        .setOrderKey("o-1")
                        .setOrderTime(Instant.EPOCH)
                        .build();
        return change(CanonicalEntity.ORDER, "o-1", null, false, o);
    }

    static SilverChange line(String lineKey, long quantity, Instant at, long offset) {
        OrderLine l =
                OrderLine.newBuilder()
                        .setMeta(meta(at, offset, Long.toString(quantity), false))
                        .setOrderKey("o-1")
                        .setLineKey(lineKey)
                        .setQuantity(quantity)
                        .build();
        return change(
                CanonicalEntity.ORDER_LINE,
                "o-1" + SilverRow.KEY_SEPARATOR + lineKey,
                "o-1",
                false,
                l);
    }

    private static SilverChange change(
            CanonicalEntity entity,
            String key,
            String parentKey,
            boolean master,
            SpecificRecordBase record) {
        EntityMeta meta = (EntityMeta) record.get(entity.metaPosition());
        SilverChange c = new SilverChange();
        c.tenant = TENANT;
        c.entity = entity.entityName();
        c.key = key;
        c.parentKey = parentKey;
        c.master = master;
        c.deleted = meta.getDeleted();
        c.eventTime = meta.getEventTime().toEpochMilli();
        c.sourceTopic = "raw.webhooks";
        c.sourcePartition = 0;
        c.sourceOffset = Long.parseLong(meta.getSourcePosition().split("/")[2]);
        c.hashDiff = meta.getHashDiff();
        c.record = RECORDS.encode(entity, record);
        return c;
    }

    private static EntityMeta meta(Instant at, long offset, String hash, boolean deleted) {
        return EntityMeta.newBuilder()
                .setTenantId(TENANT)
                .setApp("commerce")
                .setSchemaVersion("1.0")
                .setConfigVersion("cfg-1")
                .setEventTime(at)
                .setSourceEventId("e-" + offset)
                .setSourcePosition("raw.webhooks/0/" + offset)
                .setHashDiff(hash)
                .setDeleted(deleted)
                .setProcessedAt(MONDAY_9AM)
                .setManifestId(manifestId(offset))
                .build();
    }

    /** The Silver manifest id the rows of Bronze offset {@code offset} carry. */
    static String manifestId(long offset) {
        return "SILVER/" + TENANT + "/raw.webhooks/silver-conform:" + offset;
    }
}
