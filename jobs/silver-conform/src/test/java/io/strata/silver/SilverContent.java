package io.strata.silver;

import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.model.QuarantineReason;
import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.sink.SilverTables;
import io.strata.workload.oracle.SilverRows;
import io.strata.workload.oracle.SilverState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** What the Silver tables hold now, and the same rows in the oracle's terms. */
final class SilverContent {

    /** Each entity's oracle row type: tenant, then the entity's fields in Avro order. */
    static final Map<CanonicalEntity, Class<? extends java.lang.Record>> ORACLE_TYPES =
            new EnumMap<>(
                    Map.of(
                            CanonicalEntity.CUSTOMER, SilverRows.CustomerRow.class,
                            CanonicalEntity.PRODUCT, SilverRows.ProductRow.class,
                            CanonicalEntity.ORDER, SilverRows.OrderRow.class,
                            CanonicalEntity.ORDER_LINE, SilverRows.OrderLineRow.class,
                            CanonicalEntity.INVOICE, SilverRows.InvoiceRow.class,
                            CanonicalEntity.SHIPMENT, SilverRows.ShipmentRow.class,
                            CanonicalEntity.PRODUCT_RETURN, SilverRows.ReturnRow.class,
                            CanonicalEntity.SUPPORT_TICKET, SilverRows.TicketRow.class));

    final Map<CanonicalEntity, List<Record>> tables = new EnumMap<>(CanonicalEntity.class);
    final List<Record> quarantine;

    private SilverContent(ReadableConfig config) {
        Catalog catalog = IcebergCatalogs.load(config);
        for (CanonicalEntity e : CanonicalEntity.values()) {
            tables.put(e, read(catalog, SilverTables.id(config, e)));
        }
        quarantine = read(catalog, SilverTables.quarantineId(config));
    }

    static SilverContent read(ReadableConfig config) {
        return new SilverContent(config);
    }

    /** One entity's table only (cheaper, for waiting). */
    static List<Record> read(ReadableConfig config, CanonicalEntity entity) {
        return read(IcebergCatalogs.load(config), SilverTables.id(config, entity));
    }

    /** The quarantine table only. */
    static List<Record> quarantine(ReadableConfig config) {
        return read(IcebergCatalogs.load(config), SilverTables.quarantineId(config));
    }

    /** The oracle's expected rows of an entity. */
    static List<?> expected(SilverState state, CanonicalEntity entity) {
        return switch (entity) {
            case CUSTOMER -> state.customers();
            case PRODUCT -> state.products();
            case ORDER -> state.orders();
            case ORDER_LINE -> state.orderLines();
            case INVOICE -> state.invoices();
            case SHIPMENT -> state.shipments();
            case PRODUCT_RETURN -> state.returns();
            case SUPPORT_TICKET -> state.tickets();
        };
    }

    /** The rows of an entity's table as oracle rows (every column but meta), of some tenants. */
    List<Object> oracleRows(CanonicalEntity entity, List<String> tenants) {
        List<Object> rows = new ArrayList<>();
        for (Record r : tables.get(entity)) {
            if (tenants.contains(tenant(r))) {
                rows.add(oracleRow(entity, r));
            }
        }
        return rows;
    }

    /** Refusals per tenant and reason; bytes that were no event are left out. */
    Map<String, Map<QuarantineReason, Long>> refusals() {
        Map<String, Map<QuarantineReason, Long>> counts = new TreeMap<>();
        for (Record r : quarantine) {
            QuarantineReason reason = QuarantineReason.valueOf((String) r.getField("reason"));
            if (reason != QuarantineReason.POISON_AVRO) {
                counts.computeIfAbsent(
                                (String) r.getField("tenant_id"),
                                t -> new EnumMap<>(QuarantineReason.class))
                        .merge(reason, 1L, Long::sum);
            }
        }
        return counts;
    }

    List<Record> quarantined(QuarantineReason reason) {
        return quarantine.stream().filter(r -> reason.name().equals(r.getField("reason"))).toList();
    }

    static String tenant(Record row) {
        return (String) ((Record) row.getField("meta")).getField("tenant_id");
    }

    static Record meta(Record row) {
        return (Record) row.getField("meta");
    }

    private static Object oracleRow(CanonicalEntity entity, Record r) {
        Class<? extends java.lang.Record> type = ORACLE_TYPES.get(entity);
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        args[0] = tenant(r);
        // The oracle's components after the tenant are the entity's fields in Avro order.
        List<String> fields = new ArrayList<>(entity.fields().keySet());
        for (int i = 1; i < components.length; i++) {
            Object v = r.getField(fields.get(i - 1));
            args[i] = v instanceof OffsetDateTime t ? t.toInstant() : v;
        }
        try {
            Constructor<? extends java.lang.Record> c =
                    type.getDeclaredConstructor(
                            Arrays.stream(components)
                                    .map(RecordComponent::getType)
                                    .toArray(Class<?>[]::new));
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + type.getSimpleName(), e);
        }
    }

    private static List<Record> read(Catalog catalog, TableIdentifier id) {
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> it = IcebergGenerics.read(catalog.loadTable(id)).build()) {
            it.forEach(r -> rows.add(r.copy()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
