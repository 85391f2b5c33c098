package io.strata.workload.truth;

import java.util.List;

/**
 * What the truth generator needs: the seed, how many events, the tenants and their master data.
 *
 * @param arrivalIntervalMillis mean event-time gap between new orders or tickets; follow-up events
 *     (payments, invoices, shipments, returns, ticket closes) come on top
 */
public record TruthSpec(
        long seed,
        long events,
        long start,
        long arrivalIntervalMillis,
        double flowTimeScale,
        List<TenantProfile> tenants,
        MasterDataSpec masterData) {

    /** Mean number of events per arrival (order or ticket flow), measured; sizes the time span. */
    public static final double EVENTS_PER_ARRIVAL = 5.0;

    /** The expected event-time span of the run, used to spread master-data changes over it. */
    public static long estimatedSpan(long events, long arrivalIntervalMillis) {
        return Math.max(60_000L, (long) (events / EVENTS_PER_ARRIVAL * arrivalIntervalMillis));
    }
}
