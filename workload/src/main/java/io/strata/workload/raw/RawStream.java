package io.strata.workload.raw;

import io.strata.model.QuarantineReason;
import io.strata.workload.FaultMix;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadParams;
import io.strata.workload.raw.RawRecord.Copy;
import io.strata.workload.raw.RawRecord.Delay;
import io.strata.workload.render.RecordRenderer;
import io.strata.workload.truth.Op;
import io.strata.workload.truth.Tenants;
import io.strata.workload.truth.TruthEvent;
import io.strata.workload.truth.TruthGenerator;
import io.strata.workload.util.Rng;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The deterministic sequence of raw records: the truth rendered per tenant, with the configured
 * share of events broken (replacing the valid record), delayed (out of order or late) and sent
 * twice. Delays are in event time: a held record is released once the truth's clock passes its
 * release time, so disorder is bounded by time, not by record counts. Pure computation: no Kafka.
 */
public final class RawStream implements Iterator<RawRecord> {

    private final WorkloadParams params;
    private final TruthGenerator truth;
    private final RecordRenderer renderer;
    private final Rng rng;
    private final FaultMix faultMix;
    private final double malformedRate;
    private final double lateRate;
    private final double outOfOrderRate;
    private final double duplicateRate;
    private final double exactDuplicateShare;
    private final long allowedLateness;
    private final long maxOutOfOrderness;
    private final PriorityQueue<Pending> held = new PriorityQueue<>();
    private final ArrayDeque<RawRecord> ready = new ArrayDeque<>();
    private long clock = Long.MIN_VALUE;
    private long position;
    private long holdSequence;
    private boolean truthDone;

    public RawStream(WorkloadParams params) {
        this.params = params;
        this.truth = new TruthGenerator(params.truthSpec());
        this.renderer = new RecordRenderer(params.maxRecordBytes());
        this.rng = Rng.derive(params.seed(), "raw");
        this.faultMix = params.get(WorkloadOptions.MALFORMED_MIX);
        this.malformedRate = params.get(WorkloadOptions.MALFORMED_RATE);
        this.lateRate = params.get(WorkloadOptions.LATE_RATE);
        this.outOfOrderRate = params.get(WorkloadOptions.OUT_OF_ORDER_RATE);
        this.duplicateRate = params.get(WorkloadOptions.DUPLICATE_RATE);
        this.exactDuplicateShare = params.get(WorkloadOptions.EXACT_DUPLICATE_SHARE);
        this.allowedLateness = params.allowedLateness().toMillis();
        this.maxOutOfOrderness = params.get(WorkloadOptions.MAX_OUT_OF_ORDERNESS).toMillis();
    }

    /** The truth behind this stream (its master-data pools, for statistics). */
    public TruthGenerator truth() {
        return truth;
    }

    @Override
    public boolean hasNext() {
        fill();
        return !ready.isEmpty();
    }

    @Override
    public RawRecord next() {
        fill();
        RawRecord r = ready.poll();
        if (r == null) {
            throw new NoSuchElementException();
        }
        return r;
    }

    private void fill() {
        while (ready.isEmpty()) {
            TruthEvent e = truthDone ? null : truth.next();
            if (e == null) {
                truthDone = true;
                if (held.isEmpty()) {
                    return;
                }
                Pending p = held.poll();
                clock = Math.max(clock, p.release);
                emit(p);
                continue;
            }
            clock = Math.max(clock, e.eventTime());
            while (!held.isEmpty() && held.peek().release <= clock) {
                emit(held.poll());
            }
            accept(e);
        }
    }

    private void accept(TruthEvent e) {
        if (e.op() != Op.DELETE && rng.chance(malformedRate)) {
            QuarantineReason fault = faultMix.sample(rng);
            emit(
                    new Pending(
                            e,
                            fault,
                            Copy.ORIGINAL,
                            Delay.ON_TIME,
                            renderer.value(e, fault, false),
                            null));
            return;
        }
        byte[] value = renderer.value(e, null, false);
        if (value.length > params.maxRecordBytes()) {
            throw new IllegalStateException(
                    "A valid record of "
                            + value.length
                            + " bytes exceeds max-record-bytes="
                            + params.maxRecordBytes());
        }
        double u = rng.nextDouble();
        Delay delay =
                u < lateRate
                        ? Delay.LATE
                        : u < lateRate + outOfOrderRate ? Delay.OUT_OF_ORDER : Delay.ON_TIME;
        Copy resend = null;
        if (rng.chance(duplicateRate)) {
            resend =
                    rng.chance(exactDuplicateShare)
                            ? Copy.EXACT_DUPLICATE
                            : Copy.REENCODED_DUPLICATE;
        }
        Pending p = new Pending(e, null, Copy.ORIGINAL, delay, value, resend);
        switch (delay) {
            case ON_TIME -> emit(p);
            case OUT_OF_ORDER -> hold(p, e.eventTime() + rng.between(1, maxOutOfOrderness));
            case LATE ->
                    hold(p, e.eventTime() + rng.between(2 * allowedLateness, 3 * allowedLateness));
        }
    }

    private void emit(Pending p) {
        TruthEvent e = p.event;
        byte[] key = renderer.key(e, p.fault);
        String tenant =
                key == null
                        ? RawTopics.UNATTRIBUTED
                        : p.fault == QuarantineReason.UNKNOWN_TENANT
                                ? Tenants.UNKNOWN_TENANT
                                : e.tenant().id();
        String eventId = p.fault == QuarantineReason.MISSING_EVENT_ID ? null : e.eventId();
        ready.add(
                new RawRecord(
                        position++,
                        params.topic(),
                        key,
                        p.value,
                        tenant,
                        eventId,
                        p.fault,
                        p.copy,
                        p.delay,
                        e));
        if (p.resend != null) {
            byte[] value =
                    p.resend == Copy.EXACT_DUPLICATE ? p.value : renderer.value(e, null, true);
            hold(
                    new Pending(e, null, p.resend, Delay.ON_TIME, value, null),
                    clock + rng.between(0, 5_000));
        }
    }

    private void hold(Pending p, long release) {
        p.release = release;
        p.sequence = holdSequence++;
        held.add(p);
    }

    /** A rendered record waiting for its release time. */
    private static final class Pending implements Comparable<Pending> {
        final TruthEvent event;
        final QuarantineReason fault;
        final Copy copy;
        final Delay delay;
        final byte[] value;
        final Copy resend;
        long release;
        long sequence;

        Pending(
                TruthEvent event,
                QuarantineReason fault,
                Copy copy,
                Delay delay,
                byte[] value,
                Copy resend) {
            this.event = event;
            this.fault = fault;
            this.copy = copy;
            this.delay = delay;
            this.value = value;
            this.resend = resend;
        }

        @Override
        public int compareTo(Pending o) {
            int byRelease = Long.compare(release, o.release);
            return byRelease != 0 ? byRelease : Long.compare(sequence, o.sequence);
        }
    }
}
