package io.strata.workload.oracle;

import io.strata.model.QuarantineReason;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadParams;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.raw.RawStream;
import io.strata.workload.raw.RawTopics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes, in plain Java, what every layer must contain for a record sequence: it replays the
 * records in produced order through the layer rules (Bronze gate, event-id dedupe per tenant,
 * lateness per tenant, Silver gate) and hands the surviving events to the Silver projection and any
 * further {@link SilverSink}s. Feed it records one by one ({@link #accept}) while sending them, or
 * let {@link #compute} generate them.
 *
 * <p>Rules, in the order Bronze applies them: a fault in the Bronze gate quarantines the record;
 * otherwise a second record with a (tenant, event id) already accepted is a duplicate; otherwise
 * the record is accepted, and late if its event time is older than the newest event time already
 * accepted for its tenant minus the allowed lateness. Accepted records with a Silver-gate fault are
 * quarantined by silver-conform; the rest update Silver.
 */
public final class Oracle {

    private static final class Counter {
        long input;
        long accepted;
        long duplicates;
        long late;
        final Map<QuarantineReason, Long> quarantined = new EnumMap<>(QuarantineReason.class);
    }

    private final OracleOptions options;
    private final long latenessHorizon;
    private final List<SilverSink> sinks = new ArrayList<>();
    private final SilverProjector silver = new SilverProjector();
    private final Map<String, Counter> counters = new TreeMap<>();
    private final Map<String, Set<String>> acceptedIds = new HashMap<>();
    private final Map<String, Long> newestEventTime = new HashMap<>();
    private final Map<String, Map<QuarantineReason, Long>> silverQuarantine = new TreeMap<>();
    private long input;

    public Oracle(OracleOptions options, SilverSink... moreSinks) {
        this.options = options;
        this.latenessHorizon = options.latenessHorizon().toMillis();
        sinks.add(silver);
        sinks.addAll(List.of(moreSinks));
    }

    /** The expectation for the workload these parameters generate, with the default rules. */
    public static Expectation compute(WorkloadParams params) {
        return compute(new RawStream(params), Workload.of(params).oracleOptions());
    }

    public static Expectation compute(
            Iterator<RawRecord> records, OracleOptions options, SilverSink... moreSinks) {
        Oracle oracle = new Oracle(options, moreSinks);
        records.forEachRemaining(oracle::accept);
        return oracle.result();
    }

    /** Applies one record, in produced order, and says what the pipeline must do with it. */
    public Outcome accept(RawRecord r) {
        input++;
        Counter c = counters.computeIfAbsent(r.tenant(), t -> new Counter());
        c.input++;
        if (r.fault() != null && options.bronzeGate().contains(r.fault())) {
            c.quarantined.merge(r.fault(), 1L, Long::sum);
            return new Outcome(r.fault(), false, false, null);
        }
        if (!acceptedIds.computeIfAbsent(r.tenant(), t -> new HashSet<>()).add(r.eventId())) {
            c.duplicates++;
            return Outcome.DUPLICATE;
        }
        c.accepted++;
        String scope = latenessScope(r);
        Long newest = newestEventTime.get(scope);
        boolean late = newest != null && r.eventTime() < newest - latenessHorizon;
        if (late) {
            c.late++;
        }
        if (newest == null || r.eventTime() > newest) {
            newestEventTime.put(scope, r.eventTime());
        }
        QuarantineReason silverFault =
                r.fault() != null
                        ? r.fault()
                        : late && !options.lateReachesSilver()
                                ? QuarantineReason.LATE_BEYOND_TOLERANCE
                                : null;
        if (silverFault != null) {
            silverQuarantine
                    .computeIfAbsent(r.tenant(), t -> new EnumMap<>(QuarantineReason.class))
                    .merge(silverFault, 1L, Long::sum);
            return new Outcome(null, false, late, silverFault);
        }
        for (SilverSink sink : sinks) {
            sink.accept(r.truth(), r.position());
        }
        return new Outcome(null, false, late, null);
    }

    /** The tenant, or the raw-topic partition Kafka's default partitioner puts the record on. */
    private String latenessScope(RawRecord r) {
        int partitions = options.latenessPartitions();
        if (partitions == 0 || r.key() == null) {
            return r.tenant();
        }
        return "partition-" + RawTopics.partitionOf(r.key(), partitions);
    }

    public Expectation result() {
        Map<String, BronzeCounts> bronze = new TreeMap<>();
        counters.forEach(
                (t, c) ->
                        bronze.put(
                                t,
                                new BronzeCounts(
                                        t,
                                        c.input,
                                        c.accepted,
                                        c.duplicates,
                                        c.quarantined,
                                        c.late)));
        Map<String, Map<QuarantineReason, Long>> quarantine = new TreeMap<>();
        silverQuarantine.forEach((t, m) -> quarantine.put(t, Map.copyOf(m)));
        return new Expectation(input, bronze, quarantine, silver.state(), Map.of());
    }
}
