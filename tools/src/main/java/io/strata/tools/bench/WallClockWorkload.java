package io.strata.tools.bench;

import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.truth.TruthSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The paced workload of the chain latency run, with event times that advance about as fast as the
 * wall clock while it is sent: Gold's watermark trails event time by its out-of-orderness, so a
 * workload whose event time ran hours per second (the generator's default, 10 s between new orders
 * or tickets) would hide that wait. Event time starts when sending starts; the mean gap between new
 * flows is set from the rate (each flow is ~5 records) and the flows' inner delays (payment,
 * shipping, returns: minutes to days) shrink by the same factor, then one dry pass over the records
 * measures how fast event time really advances (the first flows have no follow-ups yet) and
 * corrects the gap once. Out-of-order and late records are left out: the latency of in-order
 * traffic is what is measured.
 *
 * @param params the workload's options, except its start time, gap and flow time scale
 * @param gapMillis mean event-time gap between new flows; the flow time scale follows it
 * @param speed event-time seconds per wall-clock second over the whole send, as generated
 */
record WallClockWorkload(Map<String, String> params, long gapMillis, double speed) {

    /** The generator's default mean gap between new flows (WorkloadOptions.ARRIVAL_INTERVAL). */
    private static final long DEFAULT_ARRIVAL_MILLIS = 10_000;

    static WallClockWorkload of(Map<String, String> base, double rate, long seconds) {
        Map<String, String> params = new HashMap<>(base);
        params.put("events", Long.toString(Math.max(1, Math.round(rate * seconds))));
        params.put("rate", Double.toString(rate));
        params.put("out-of-order-rate", "0");
        params.put("late-rate", "0");
        long gap = Math.max(1, Math.round(TruthSpec.EVENTS_PER_ARRIVAL * 1000 / rate));
        WallClockWorkload first = measured(params, gap, rate);
        long corrected = Math.max(1, Math.round(gap / first.speed()));
        return corrected == gap ? first : measured(params, corrected, rate);
    }

    /** The workload, its event time starting at {@code start}. */
    Workload startingAt(Instant start) {
        return Workload.of(build(params, gapMillis).set(WorkloadOptions.START_TIME, start).build());
    }

    /**
     * The options as given, and the gap and scale through the builder: {@code flow-time-scale} is
     * missing from {@code WorkloadOptions.ALL}, so {@code fromMap} refuses it.
     */
    private static WorkloadParams.Builder build(Map<String, String> params, long gapMillis) {
        return WorkloadParams.fromMap(params).toBuilder()
                .set(WorkloadOptions.ARRIVAL_INTERVAL, Duration.ofMillis(gapMillis))
                .set(WorkloadOptions.FLOW_TIME_SCALE, (double) gapMillis / DEFAULT_ARRIVAL_MILLIS);
    }

    private static WallClockWorkload measured(
            Map<String, String> params, long gapMillis, double rate) {
        Iterator<RawRecord> records = Workload.of(build(params, gapMillis).build()).records();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long n = 0;
        while (records.hasNext()) {
            RawRecord r = records.next();
            if (r.truth() == null) {
                continue;
            }
            long t = r.eventTime();
            first = Math.min(first, t);
            last = Math.max(last, t);
            n++;
        }
        double wallMillis = n / rate * 1000;
        double speed = n > 1 && wallMillis > 0 ? (last - first) / wallMillis : 1;
        return new WallClockWorkload(Map.copyOf(params), gapMillis, speed);
    }
}
