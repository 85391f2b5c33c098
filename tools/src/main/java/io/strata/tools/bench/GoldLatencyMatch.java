package io.strata.tools.bench;

import io.strata.workload.oracle.SilverRows;
import io.strata.workload.oracle.SilverVersion;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * Raw event → Gold Kafka topic, matched through the oracle. A Gold record is a customer's feature
 * row as of {@code valid_from} = t, written when the watermark passes t; what it waited for is the
 * customer's input events (order, ticket and return versions) at event time t, the newest of which
 * is the last raw record produced of them. So: latency = the Gold record's Kafka timestamp (stamped
 * by gold-features' producer when it writes) minus the produce time of the newest raw record among
 * the Silver versions of that tenant and customer at that event time. A version without a customer
 * (a delete) can cause a row of the customer it is attributed to; when no version names the
 * customer, the newest version of the tenant at t stands in (counted as {@link
 * Result#byTenantOnly}). Only the first Gold record of a (tenant, customer, valid_from) counts: it
 * is when the row became visible; later ones rewrite it.
 */
final class GoldLatencyMatch {

    /** A Gold topic record as the bench reads it back. */
    record GoldRecord(String tenant, String customer, long validFrom, long writtenAt) {}

    /**
     * @param latencies per matched row, milliseconds
     * @param byTenantOnly rows matched only through their tenant and event time
     * @param unmatched rows no Silver version explains (should be 0)
     * @param outside rows whose newest raw record was produced outside the measured window
     * @param expected the oracle's rows whose newest raw record falls in the window
     */
    record Result(
            Latencies latencies, long byTenantOnly, long unmatched, long outside, long expected) {}

    private final Map<String, Long> byCustomer = new HashMap<>();
    private final Map<String, Long> byTenant = new HashMap<>();

    /**
     * @param versions the Silver change log of the paced workload
     * @param producedAt a raw record's produce time (epoch millis) by its position in the stream
     */
    GoldLatencyMatch(List<SilverVersion> versions, LongUnaryOperator producedAt) {
        for (SilverVersion v : versions) {
            if (!ChainThroughput.FEATURE_INPUTS.contains(v.entity())) {
                continue;
            }
            long at = producedAt.applyAsLong(v.position());
            long t = v.eventTime().toEpochMilli();
            String customer = customerOf(v.row());
            if (customer != null) {
                byCustomer.merge(key(v.tenant(), customer, t), at, Math::max);
            }
            byTenant.merge(v.tenant() + '|' + t, at, Math::max);
        }
    }

    /** The produce time of the raw record a Gold row waited for last; 0 when none explains it. */
    long newestCause(String tenant, String customer, long validFrom) {
        Long at = byCustomer.get(key(tenant, customer, validFrom));
        return at != null ? at : byTenant.getOrDefault(tenant + '|' + validFrom, 0L);
    }

    /**
     * Latencies of the first Gold record of each row whose newest raw record was produced within
     * [{@code from}, {@code to}]; {@code expectedRows} are the oracle's rows (tenant, customer,
     * valid_from) to count how many of those fall in the window.
     */
    Result match(List<GoldRecord> records, long from, long to, List<GoldRecord> expectedRows) {
        Set<String> seen = new HashSet<>();
        long[] latencies = new long[records.size()];
        int n = 0;
        long tenantOnly = 0;
        long unmatched = 0;
        long outside = 0;
        for (GoldRecord r : records) {
            if (!seen.add(key(r.tenant(), r.customer(), r.validFrom()))) {
                continue;
            }
            long cause = newestCause(r.tenant(), r.customer(), r.validFrom());
            if (cause == 0) {
                unmatched++;
            } else if (cause < from || cause > to) {
                outside++;
            } else {
                latencies[n++] = r.writtenAt() - cause;
                if (!byCustomer.containsKey(key(r.tenant(), r.customer(), r.validFrom()))) {
                    tenantOnly++;
                }
            }
        }
        long expected =
                expectedRows.stream()
                        .mapToLong(e -> newestCause(e.tenant(), e.customer(), e.validFrom()))
                        .filter(at -> at >= from && at <= to)
                        .count();
        return new Result(
                Latencies.of(Arrays.copyOf(latencies, n)),
                tenantOnly,
                unmatched,
                outside,
                expected);
    }

    private static String key(String tenant, String customer, long t) {
        return tenant + '|' + customer + '|' + t;
    }

    /** The customer a feature input version names; null for a delete, which names none. */
    static String customerOf(SilverRows.Row row) {
        if (row instanceof SilverRows.OrderRow o) {
            return o.customerKey();
        }
        if (row instanceof SilverRows.TicketRow t) {
            return t.customerKey();
        }
        if (row instanceof SilverRows.ReturnRow r) {
            return r.customerKey();
        }
        return null;
    }
}
