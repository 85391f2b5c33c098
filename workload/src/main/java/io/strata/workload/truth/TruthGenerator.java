package io.strata.workload.truth;

import io.strata.workload.truth.Documents.InvoiceDoc;
import io.strata.workload.truth.Documents.LineDoc;
import io.strata.workload.truth.Documents.OrderDoc;
import io.strata.workload.truth.Documents.ReturnDoc;
import io.strata.workload.truth.Documents.ShipmentDoc;
import io.strata.workload.truth.Documents.TicketDoc;
import io.strata.workload.truth.FollowUp.Kind;
import io.strata.workload.util.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Produces the truth: a deterministic sequence of business events in (nearly) event-time order. New
 * orders and tickets arrive with exponential gaps; each starts a flow whose later steps are
 * scheduled in a queue. Every step of one document is at least a second after the previous one, at
 * the tenant's time precision, so "latest by event time" is never a tie within a document.
 */
public final class TruthGenerator {

    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final double TICKET_SHARE = 0.2;

    private final TruthSpec spec;
    private final Rng rng;
    private final List<MasterData> masterData = new ArrayList<>();
    private final double[] tenantCumulativeWeight;
    private final long[][] sequences;
    private final PriorityQueue<FollowUp> followUps = new PriorityQueue<>();
    private long scheduled;
    private double nextArrival;
    private long emitted;

    public TruthGenerator(TruthSpec spec) {
        this.spec = spec;
        this.rng = Rng.derive(spec.seed(), "truth");
        int n = spec.tenants().size();
        this.tenantCumulativeWeight = new double[n];
        this.sequences = new long[n][RecordType.values().length];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            TenantProfile t = spec.tenants().get(i);
            masterData.add(new MasterData(t, spec.masterData(), spec.seed()));
            sum += t.weight();
            tenantCumulativeWeight[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            tenantCumulativeWeight[i] /= sum;
        }
        this.nextArrival = spec.start();
    }

    /** The next truth event, or null once {@code spec.events()} have been produced. */
    public TruthEvent next() {
        if (emitted == spec.events()) {
            return null;
        }
        emitted++;
        FollowUp head = followUps.peek();
        if (head != null && head.time() <= nextArrival) {
            return step(followUps.poll());
        }
        long time = (long) nextArrival;
        nextArrival += rng.exponential(spec.arrivalIntervalMillis());
        int tenant = pickTenant();
        return rng.chance(TICKET_SHARE) ? openTicket(tenant, time) : placeOrder(tenant, time);
    }

    public List<MasterData> masterData() {
        return masterData;
    }

    private TruthEvent placeOrder(int tenant, long arrival) {
        MasterData md = masterData.get(tenant);
        TenantProfile tp = md.tenant();
        long t = tp.truncate(arrival);
        int customer = md.sampleCustomer(rng);
        int lineCount = 1 + rng.nextInt(4);
        List<LineDoc> lines = new ArrayList<>(lineCount);
        long total = 0;
        for (int i = 1; i <= lineCount; i++) {
            int product = distinctProduct(md, lines);
            long quantity = 1 + rng.nextInt(5);
            long unit = md.productAt(product, t).unitPriceCents();
            lines.add(
                    new LineDoc(
                            Integer.toString(i * tp.lineStep()),
                            product,
                            quantity,
                            unit,
                            unit * quantity));
            total += unit * quantity;
        }
        OrderDoc order =
                new OrderDoc(
                        nextKey(tenant, RecordType.SALES_ORDER, tp.orderKeys()),
                        md.customerAt(customer, t).key(),
                        t,
                        "placed",
                        rng.pick(Vocabulary.CHANNELS),
                        tp.currency(),
                        total,
                        List.copyOf(lines));
        schedule(
                t, 30 * SECOND, 2 * HOUR, Kind.PAY_OR_CANCEL_ORDER, tenant, customer, order, order);
        return event(tenant, RecordType.SALES_ORDER, Op.CREATE, t, order, customer);
    }

    private TruthEvent openTicket(int tenant, long arrival) {
        MasterData md = masterData.get(tenant);
        long t = md.tenant().truncate(arrival);
        int customer = md.sampleCustomer(rng);
        TicketDoc ticket =
                new TicketDoc(
                        nextKey(tenant, RecordType.SUPPORT_TICKET, md.tenant().ticketKeys()),
                        md.customerAt(customer, t).key(),
                        t,
                        Documents.NONE,
                        "open",
                        rng.pick(Vocabulary.PRIORITIES),
                        rng.pick(Vocabulary.SUBJECTS));
        double u = rng.nextDouble();
        if (u < 0.75) {
            schedule(t, 5 * MINUTE, DAY, Kind.CLOSE_TICKET, tenant, customer, null, ticket);
        } else if (u < 0.80) {
            schedule(t, 10 * MINUTE, 6 * HOUR, Kind.DELETE_TICKET, tenant, customer, null, ticket);
        }
        return event(tenant, RecordType.SUPPORT_TICKET, Op.CREATE, t, ticket, customer);
    }

    private TruthEvent step(FollowUp f) {
        long t = spec.tenants().get(f.tenant()).truncate(f.time());
        return switch (f.kind()) {
            case PAY_OR_CANCEL_ORDER -> payOrCancel(f, t);
            case CREATE_INVOICE -> createInvoice(f, t);
            case PAY_INVOICE ->
                    event(f, RecordType.INVOICE, Op.UPDATE, t, invoice(f).withStatus("paid"));
            case SHIP -> ship(f, t);
            case DELIVER -> deliver(f, t);
            case RETURN -> createReturn(f, t);
            case CLOSE_TICKET ->
                    event(f, RecordType.SUPPORT_TICKET, Op.UPDATE, t, ticket(f).closed(t));
            case DELETE_TICKET -> event(f, RecordType.SUPPORT_TICKET, Op.DELETE, t, ticket(f));
        };
    }

    private TruthEvent payOrCancel(FollowUp f, long t) {
        if (rng.chance(0.04)) {
            return event(f, RecordType.SALES_ORDER, Op.DELETE, t, f.order());
        }
        OrderDoc paid = f.order().withStatus("paid");
        schedule(t, SECOND, 10 * MINUTE, Kind.CREATE_INVOICE, f.tenant(), f.customer(), paid, null);
        schedule(t, 30 * MINUTE, 12 * HOUR, Kind.SHIP, f.tenant(), f.customer(), paid, null);
        return event(f, RecordType.SALES_ORDER, Op.UPDATE, t, paid);
    }

    private TruthEvent createInvoice(FollowUp f, long t) {
        TenantProfile tp = spec.tenants().get(f.tenant());
        InvoiceDoc invoice =
                new InvoiceDoc(
                        nextKey(f.tenant(), RecordType.INVOICE, tp.invoiceKeys()),
                        f.order().key(),
                        f.order().customerKey(),
                        t,
                        t + 30 * DAY,
                        f.order().totalCents(),
                        f.order().currency(),
                        "open");
        if (rng.chance(0.85)) {
            schedule(
                    t, 10 * MINUTE, DAY, Kind.PAY_INVOICE, f.tenant(), f.customer(), null, invoice);
        }
        return event(f, RecordType.INVOICE, Op.CREATE, t, invoice);
    }

    private TruthEvent ship(FollowUp f, long t) {
        TenantProfile tp = spec.tenants().get(f.tenant());
        ShipmentDoc shipment =
                new ShipmentDoc(
                        nextKey(f.tenant(), RecordType.SHIPMENT, tp.shipmentKeys()),
                        f.order().key(),
                        f.order().customerKey(),
                        t,
                        rng.pick(Vocabulary.CARRIERS),
                        "in_transit");
        schedule(t, 2 * HOUR, DAY, Kind.DELIVER, f.tenant(), f.customer(), f.order(), shipment);
        return event(f, RecordType.SHIPMENT, Op.CREATE, t, shipment);
    }

    private TruthEvent deliver(FollowUp f, long t) {
        if (rng.chance(0.06)) {
            schedule(t, 12 * HOUR, 3 * DAY, Kind.RETURN, f.tenant(), f.customer(), f.order(), null);
        }
        ShipmentDoc delivered = ((ShipmentDoc) f.doc()).withStatus("delivered");
        return event(f, RecordType.SHIPMENT, Op.UPDATE, t, delivered);
    }

    private TruthEvent createReturn(FollowUp f, long t) {
        TenantProfile tp = spec.tenants().get(f.tenant());
        LineDoc line = f.order().lines().get(rng.nextInt(f.order().lines().size()));
        long quantity = 1 + rng.nextInt((int) line.quantity());
        ReturnDoc ret =
                new ReturnDoc(
                        nextKey(f.tenant(), RecordType.RETURN, tp.returnKeys()),
                        f.order().key(),
                        f.order().customerKey(),
                        line.productIndex(),
                        masterData.get(f.tenant()).productAt(line.productIndex(), t).key(),
                        t,
                        quantity,
                        line.unitPriceCents() * quantity,
                        rng.pick(Vocabulary.RETURN_REASONS));
        return event(f, RecordType.RETURN, Op.CREATE, t, ret);
    }

    private TruthEvent event(FollowUp f, RecordType type, Op op, long t, Documents.Document doc) {
        return event(f.tenant(), type, op, t, doc, f.customer());
    }

    private TruthEvent event(
            int tenant, RecordType type, Op op, long t, Documents.Document doc, int customer) {
        MasterData md = masterData.get(tenant);
        TenantProfile tp = md.tenant();
        boolean delete = op == Op.DELETE;
        List<ProductVersion> products = List.of();
        if (!delete && doc instanceof OrderDoc order) {
            ProductVersion[] p = new ProductVersion[order.lines().size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = md.productAt(order.lines().get(i).productIndex(), t);
            }
            products = List.of(p);
        } else if (doc instanceof ReturnDoc ret) {
            products = List.of(md.productAt(ret.productIndex(), t));
        }
        return new TruthEvent(
                tp,
                type,
                op,
                EventIds.next(rng),
                t,
                schemaVersionAt(tp, t),
                doc,
                delete ? null : md.customerAt(customer, t),
                products,
                rng.nextLong());
    }

    /** A popular product not yet on the order (a few tries; small pools may repeat one). */
    private int distinctProduct(MasterData md, List<LineDoc> lines) {
        int product = md.sampleProduct(rng);
        for (int attempt = 0; attempt < 4 && onOrder(product, lines); attempt++) {
            product = md.sampleProduct(rng);
        }
        return product;
    }

    private static boolean onOrder(int product, List<LineDoc> lines) {
        for (LineDoc line : lines) {
            if (line.productIndex() == product) {
                return true;
            }
        }
        return false;
    }

    private String schemaVersionAt(TenantProfile tp, long t) {
        List<String> versions = tp.schemaVersions();
        long cutover = spec.start() + (long) (spec.masterData().span() * tp.cutoverFraction());
        return versions.size() == 1 || t < cutover ? versions.get(0) : versions.get(1);
    }

    private void schedule(
            long from,
            long minDelay,
            long maxDelay,
            Kind kind,
            int tenant,
            int customer,
            OrderDoc order,
            Documents.Document doc) {
        long delay = (long) (rng.between(minDelay, maxDelay) * spec.flowTimeScale());
        long time = from + Math.max(SECOND, delay);
        followUps.add(new FollowUp(time, scheduled++, kind, tenant, customer, order, doc));
    }

    private String nextKey(int tenant, RecordType type, KeyFormat format) {
        return format.format(++sequences[tenant][type.ordinal()]);
    }

    private int pickTenant() {
        double u = rng.nextDouble();
        for (int i = 0; i < tenantCumulativeWeight.length - 1; i++) {
            if (u < tenantCumulativeWeight[i]) {
                return i;
            }
        }
        return tenantCumulativeWeight.length - 1;
    }

    private static InvoiceDoc invoice(FollowUp f) {
        return (InvoiceDoc) f.doc();
    }

    private static TicketDoc ticket(FollowUp f) {
        return (TicketDoc) f.doc();
    }
}
