package io.strata.gold.features;

import io.strata.common.vault.HashKeys;
import io.strata.model.gold.CustomerFeatures;
import io.strata.model.silver.EntityMeta;
import io.strata.model.silver.Order;
import io.strata.model.silver.ProductReturn;
import io.strata.model.silver.SupportTicket;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The customer features of {@code docs/gold.md} computed the plain way, with nothing from the job:
 * every row of every customer from the whole list of Silver rows, each row by looking at all the
 * versions up to its instant. {@code computed_at} is the epoch.
 */
final class ReferenceFeatures {

    private static final long DAY = Duration.ofDays(1).toMillis();

    /** A Silver version as the definitions read it. */
    private record Version(
            String kind,
            String key,
            String tenant,
            String customer,
            long eventTime,
            long offset,
            boolean deleted,
            long time,
            BigDecimal amount,
            String status) {

        String entity() {
            return tenant + "/" + kind + "/" + key;
        }
    }

    private ReferenceFeatures() {}

    /** Every row, ordered by tenant, customer and valid_from. */
    static List<CustomerFeatures> rows(List<? extends SpecificRecordBase> silver) {
        List<Version> versions = new ArrayList<>();
        for (SpecificRecordBase row : silver) {
            versions.add(version(row));
        }
        versions.sort(
                Comparator.comparingLong(Version::eventTime).thenComparingLong(Version::offset));

        // Input event times per (tenant, customer), attributed as the definitions say.
        Map<String, TreeSet<Long>> times = new TreeMap<>();
        Map<String, String> countsFor = new LinkedHashMap<>();
        for (Version v : versions) {
            String countedFor = countsFor.get(v.entity());
            List<String> customers = new ArrayList<>();
            if (v.deleted()) {
                customers.add(countedFor != null ? countedFor : v.customer());
                countsFor.remove(v.entity());
            } else {
                customers.add(v.customer());
                if (countedFor != null && !countedFor.equals(v.customer())) {
                    customers.add(countedFor);
                }
                countsFor.put(v.entity(), v.customer());
            }
            for (String c : customers) {
                if (c != null) {
                    times.computeIfAbsent(v.tenant() + "|" + c, k -> new TreeSet<>())
                            .add(v.eventTime());
                }
            }
        }

        List<CustomerFeatures> rows = new ArrayList<>();
        for (Map.Entry<String, TreeSet<Long>> customer : times.entrySet()) {
            String tenant = customer.getKey().substring(0, customer.getKey().indexOf('|'));
            String key = customer.getKey().substring(customer.getKey().indexOf('|') + 1);
            for (long t : customer.getValue()) {
                rows.add(row(tenant, key, t, customer.getValue().higher(t), versions));
            }
        }
        return rows;
    }

    private static CustomerFeatures row(
            String tenant, String customer, long t, Long next, List<Version> all) {
        // The latest version <= t of each entity (versions are in event time, offset order).
        Map<String, Version> latest = new LinkedHashMap<>();
        for (Version v : all) {
            if (v.tenant().equals(tenant) && v.eventTime() <= t) {
                latest.put(v.entity(), v);
            }
        }
        List<Version> live =
                latest.values().stream()
                        .filter(v -> !v.deleted() && customer.equals(v.customer()))
                        .toList();

        int count30 = 0;
        BigDecimal sum30 = new BigDecimal("0.00");
        BigDecimal sumBefore = new BigDecimal("0.00");
        BigDecimal lifetime = new BigDecimal("0.00");
        long lifetimeCount = 0;
        Long first = null;
        Long last = null;
        int orders90 = 0;
        int returns90 = 0;
        int open = 0;
        for (Version v : live) {
            BigDecimal amount = v.amount() == null ? new BigDecimal("0.00") : v.amount();
            switch (v.kind()) {
                case "order" -> {
                    if (v.time() <= t) {
                        lifetime = lifetime.add(amount);
                        lifetimeCount++;
                        first = first == null || v.time() < first ? v.time() : first;
                        last = last == null || v.time() > last ? v.time() : last;
                    }
                    if (t - 30 * DAY < v.time() && v.time() <= t) {
                        count30++;
                        sum30 = sum30.add(amount);
                    }
                    if (t - 60 * DAY < v.time() && v.time() <= t - 30 * DAY) {
                        sumBefore = sumBefore.add(amount);
                    }
                    if (t - 90 * DAY < v.time() && v.time() <= t) {
                        orders90++;
                    }
                }
                case "ticket" -> open += "open".equals(v.status()) ? 1 : 0;
                case "return" -> returns90 += t - 90 * DAY < v.time() && v.time() <= t ? 1 : 0;
                default -> throw new IllegalStateException(v.kind());
            }
        }
        return CustomerFeatures.newBuilder()
                .setTenantId(tenant)
                .setCustomerKey(customer)
                .setCustomerHk(HashKeys.hashKey(tenant, customer))
                .setOrderCount30d(count30)
                .setAvgOrderValue30d(
                        count30 == 0
                                ? null
                                : sum30.divide(new BigDecimal(count30), 2, RoundingMode.HALF_EVEN))
                .setLifetimeSpend(lifetime)
                .setLifetimeOrderCount(lifetimeCount)
                .setFirstOrderTime(first == null ? null : Instant.ofEpochMilli(first))
                .setLastOrderTime(last == null ? null : Instant.ofEpochMilli(last))
                .setDaysSinceLastOrder(last == null ? null : (int) Math.floorDiv(t - last, DAY))
                .setPurchaseTrend(
                        sumBefore.signum() == 0
                                ? null
                                : sum30.doubleValue() / sumBefore.doubleValue())
                .setOpenSupportTickets(open)
                .setReturnRate90d(orders90 == 0 ? null : (double) returns90 / orders90)
                .setValidFrom(Instant.ofEpochMilli(t))
                .setValidTo(next == null ? null : Instant.ofEpochMilli(next))
                .setComputedAt(Instant.EPOCH)
                .setFeatureVersion(1)
                .build();
    }

    private static Version version(SpecificRecordBase row) {
        if (row instanceof Order o) {
            return version(
                    "order",
                    o.getOrderKey(),
                    o.getMeta(),
                    o.getCustomerKey(),
                    o.getOrderTime(),
                    o.getTotalAmount(),
                    null);
        }
        if (row instanceof SupportTicket s) {
            return version(
                    "ticket",
                    s.getTicketKey(),
                    s.getMeta(),
                    s.getCustomerKey(),
                    s.getOpenedTime(),
                    null,
                    s.getStatus());
        }
        ProductReturn r = (ProductReturn) row;
        return version(
                "return",
                r.getReturnKey(),
                r.getMeta(),
                r.getCustomerKey(),
                r.getReturnTime(),
                null,
                null);
    }

    private static Version version(
            String kind,
            String key,
            EntityMeta meta,
            String customer,
            Instant time,
            BigDecimal amount,
            String status) {
        String position = meta.getSourcePosition();
        return new Version(
                kind,
                key,
                meta.getTenantId(),
                customer,
                meta.getEventTime().toEpochMilli(),
                Long.parseLong(position.substring(position.lastIndexOf('/') + 1)),
                meta.getDeleted(),
                time.toEpochMilli(),
                amount,
                status);
    }
}
