package io.strata.tools.bench;

import io.strata.workload.oracle.SilverRows;
import io.strata.workload.oracle.SilverVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * Raw event → Gold Kafka topic, matched through the oracle. The topic carries a customer's current
 * row whenever it changes: a row as of {@code valid_from} = t, written when the watermark passes t;
 * when one watermark passes several of a customer's event times, only the newest of those rows is
 * current, so the earlier ones never reach the topic (the history table has them). What a row
 * waited for is the customer's input events (order, ticket and return versions) at event time t,
 * the newest of which is the last raw record produced of them. So, for each of the oracle's rows:
 * latency = the Kafka timestamp (stamped by gold-features' producer when it writes) of the first
 * topic record of that tenant and customer as of t or later, minus the produce time of the newest
 * raw record among the Silver versions of that tenant and customer at t. A version without a
 * customer (a delete) can cause a row of the customer it is attributed to; when no version names
 * the customer, the newest version of the tenant at t stands in (counted as {@link
 * Result#byTenantOnly}).
 */
final class GoldLatencyMatch {

    /** A Gold topic record as the bench reads it back. */
    record GoldRecord(String tenant, String customer, long validFrom, long writtenAt) {}

    /**
     * @param latencies per measured oracle row, milliseconds
     * @param byTenantOnly rows matched only through their tenant and event time
     * @param unmatched Gold records no Silver version explains (should be 0)
     * @param outside Gold records whose newest raw record was produced outside the measured window
     * @param expected the oracle's rows whose newest raw record falls in the window
     * @param viaLaterRow measured rows that never were current themselves: the topic showed the
     *     customer first as of a later row, written by the same watermark
     * @param unreleased the oracle's rows whose newest raw record falls in the window but whose
     *     event time is past the one measured up to: the end of the input releases them late or
     *     never, so they are not measured
     */
    record Result(
            Latencies latencies,
            long byTenantOnly,
            long unmatched,
            long outside,
            long expected,
            long viaLaterRow,
            long unreleased) {

        /** The oracle's rows in the window the topic never showed (should be 0). */
        long missing() {
            return expected - latencies.count();
        }
    }

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
     * Latencies of the oracle's rows ({@code expectedRows}: tenant, customer, valid_from) whose
     * newest raw record was produced within [{@code from}, {@code to}] and whose valid_from is at
     * most {@code releasedUpTo}, each until the topic's {@code records} first showed its customer
     * as of it or later.
     */
    Result match(
            List<GoldRecord> records,
            long from,
            long to,
            long releasedUpTo,
            List<GoldRecord> expectedRows) {
        Map<String, Visibility> byCustomerRecords = new HashMap<>();
        Set<String> written = new HashSet<>();
        long unmatched = 0;
        long outside = 0;
        for (GoldRecord r : records) {
            byCustomerRecords
                    .computeIfAbsent(r.tenant() + '|' + r.customer(), k -> new Visibility())
                    .add(r);
            if (!written.add(key(r.tenant(), r.customer(), r.validFrom()))) {
                continue;
            }
            long cause = newestCause(r.tenant(), r.customer(), r.validFrom());
            if (cause == 0) {
                unmatched++;
            } else if (cause < from || cause > to) {
                outside++;
            }
        }
        long[] latencies = new long[expectedRows.size()];
        int n = 0;
        long expected = 0;
        long tenantOnly = 0;
        long viaLater = 0;
        long unreleased = 0;
        for (GoldRecord e : expectedRows) {
            long cause = newestCause(e.tenant(), e.customer(), e.validFrom());
            if (cause == 0 || cause < from || cause > to) {
                continue;
            }
            if (e.validFrom() > releasedUpTo) {
                unreleased++;
                continue;
            }
            expected++;
            Visibility shown = byCustomerRecords.get(e.tenant() + '|' + e.customer());
            long visibleAt = shown == null ? Long.MAX_VALUE : shown.firstAsOfOrAfter(e.validFrom());
            if (visibleAt == Long.MAX_VALUE) {
                continue;
            }
            latencies[n++] = visibleAt - cause;
            if (!written.contains(key(e.tenant(), e.customer(), e.validFrom()))) {
                viaLater++;
            }
            if (!byCustomer.containsKey(key(e.tenant(), e.customer(), e.validFrom()))) {
                tenantOnly++;
            }
        }
        return new Result(
                Latencies.of(Arrays.copyOf(latencies, n)),
                tenantOnly,
                unmatched,
                outside,
                expected,
                viaLater,
                unreleased);
    }

    /** One customer's topic records: the first write time of a row as of t or later. */
    private static final class Visibility {

        private final List<GoldRecord> records = new ArrayList<>();
        private long[] validFroms;
        private long[] firstWriteFrom;

        void add(GoldRecord r) {
            records.add(r);
            validFroms = null;
        }

        long firstAsOfOrAfter(long t) {
            if (validFroms == null) {
                index();
            }
            int i = Arrays.binarySearch(validFroms, t);
            if (i < 0) {
                i = -i - 1;
            } else {
                while (i > 0 && validFroms[i - 1] == t) {
                    i--;
                }
            }
            return i < validFroms.length ? firstWriteFrom[i] : Long.MAX_VALUE;
        }

        /** Sorted by valid_from, with the earliest write time of each suffix. */
        private void index() {
            records.sort(Comparator.comparingLong(GoldRecord::validFrom));
            validFroms = records.stream().mapToLong(GoldRecord::validFrom).toArray();
            firstWriteFrom = new long[validFroms.length];
            long min = Long.MAX_VALUE;
            for (int i = validFroms.length - 1; i >= 0; i--) {
                min = Math.min(min, records.get(i).writtenAt());
                firstWriteFrom[i] = min;
            }
        }
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
