package io.strata.silver.tenants;

import io.strata.common.manifest.ManifestTally;
import io.strata.common.manifest.ManifestTally.Outcome;
import io.strata.common.manifest.ManifestWindow;
import io.strata.model.Layer;
import io.strata.model.QuarantineReason;
import io.strata.model.bronze.BronzeEvent;
import io.strata.model.ops.QuarantineRecord;
import io.strata.silver.extract.Extraction;
import io.strata.silver.extract.SilverRow;
import io.strata.silver.extract.TenantExtractionRules;
import io.strata.silver.sink.QuarantineRows;
import io.strata.silver.state.SilverChange;
import io.strata.silver.state.SilverRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The Silver door: extracts each Bronze event with its tenant's rules in force (broadcast
 * configurations over start-up files) into {@link SilverChange}s, or quarantines it with the
 * extractor's Tier-1 reason.
 *
 * <p>An event of a tenant without configuration, or of a schema version its configuration does not
 * have yet, waits in keyed state (keyed by {@link BronzeEventKey}) for up to the grace period, so
 * "publish the configuration, then send data" never loses the race between the two topics: it is
 * extracted as soon as a configuration of its tenant arrives, else refused ({@code UNKNOWN_TENANT},
 * {@code UNKNOWN_SCHEMA_VERSION}) when its processing-time timer fires, or when a bounded input
 * ends (an event-time timer at the end of time).
 *
 * <p>Every event conformed (rows extracted, or none because its record type is not configured) or
 * refused is tallied for the Silver manifest ({@link #TALLIES}), with the Bronze manifest id it
 * carries as lineage, in this operator's manifest window (which follows the checkpoints it takes
 * part in, like bronze-ingest's). Every row extracted, deletes included, carries the id of the
 * Silver manifest record that counts its event ({@code meta.manifest_id}, {@code
 * SILVER/<tenant>/<Bronze source topic>/<job>:<window>}): the lineage Gold's manifest points to.
 *
 * <p>Metrics per tenant (group {@code tenant}): {@code conformed}, {@code refused}, {@code
 * ignored}, {@code waited} (events that had to wait for a configuration).
 */
public final class ConformBronzeEvents
        extends KeyedBroadcastProcessFunction<String, BronzeEvent, TenantConfigUpdate, SilverChange>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    /** Refused events. */
    public static final OutputTag<QuarantineRecord> QUARANTINE =
            new OutputTag<>("silver-refused", new AvroTypeInfo<>(QuarantineRecord.class));

    /** One manifest tally per Bronze event conformed or refused, with its Bronze manifest id. */
    public static final OutputTag<ManifestTally> TALLIES =
            new OutputTag<>("silver-tallies", TypeInformation.of(ManifestTally.class));

    static final ListStateDescriptor<BronzeEvent> WAITING =
            new ListStateDescriptor<>(
                    "events-waiting-for-config", new AvroTypeInfo<>(BronzeEvent.class));

    private final List<TenantConfigUpdate> startupConfigs;
    private final Duration grace;
    private final String job;

    private transient ManifestWindow window;
    private transient ListState<BronzeEvent> waiting;
    private transient TenantRules rules;
    private transient SilverRecords records;
    private transient Map<String, TenantCounters> counters;

    /**
     * @param startupConfigs validated configurations in force until the topic publishes another one
     *     for their tenant
     * @param grace how long an event of an unconfigured tenant waits
     * @param job the job named in the Silver manifest ids
     */
    public ConformBronzeEvents(
            List<TenantConfigUpdate> startupConfigs, Duration grace, String job) {
        this.startupConfigs = List.copyOf(startupConfigs);
        this.grace = grace;
        this.job = job;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        window = ManifestWindow.startingAfter(context.getRestoredCheckpointId());
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        window.passed(context.getCheckpointId());
    }

    @Override
    public void open(OpenContext openContext) {
        waiting = getRuntimeContext().getListState(WAITING);
        rules = new TenantRules(startupConfigs);
        records = new SilverRecords();
        counters = new HashMap<>();
    }

    @Override
    public void processElement(BronzeEvent event, ReadOnlyContext ctx, Collector<SilverChange> out)
            throws Exception {
        TenantExtractionRules tenant =
                rules.current(
                        event.getTenantId(), ctx.getBroadcastState(TenantConfigState.DESCRIPTOR));
        if (tenant != null && tenant.knowsShapeOf(event)) {
            conform(event, now(ctx.currentProcessingTime()), out, ctx::output, ctx::output);
            return;
        }
        if (!waiting.get().iterator().hasNext()) {
            ctx.timerService()
                    .registerProcessingTimeTimer(ctx.currentProcessingTime() + grace.toMillis());
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        waiting.add(event);
        counters(event.getTenantId()).waited.inc();
    }

    @Override
    public void processBroadcastElement(
            TenantConfigUpdate update, Context ctx, Collector<SilverChange> out) throws Exception {
        ctx.getBroadcastState(TenantConfigState.DESCRIPTOR).put(update.tenant, update);
        // Compiles the new rules (or drops the removed tenant's) on this instance now.
        if (rules.current(update.tenant, ctx.getBroadcastState(TenantConfigState.DESCRIPTOR))
                == null) {
            return;
        }
        // Keys are tenant|event-id, so the events waiting under one key share their tenant.
        List<BronzeEvent> released = new ArrayList<>();
        ctx.applyToKeyedState(
                WAITING,
                (key, events) -> {
                    int before = released.size();
                    for (BronzeEvent e : events.get()) {
                        if (e.getTenantId().equals(update.tenant)) {
                            released.add(e);
                        }
                    }
                    if (released.size() > before) {
                        events.clear();
                    }
                });
        Instant now = now(ctx.currentProcessingTime());
        for (BronzeEvent e : released) {
            conform(e, now, out, ctx::output, ctx::output);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SilverChange> out)
            throws Exception {
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
        }
        List<BronzeEvent> events = new ArrayList<>();
        waiting.get().forEach(events::add);
        waiting.clear();
        Instant now = now(ctx.currentProcessingTime());
        for (BronzeEvent e : events) {
            if (rules.current(e.getTenantId(), ctx.getBroadcastState(TenantConfigState.DESCRIPTOR))
                    != null) {
                conform(e, now, out, ctx::output, ctx::output);
            } else {
                refuse(
                        e,
                        QuarantineReason.UNKNOWN_TENANT,
                        "no configuration for tenant '"
                                + e.getTenantId()
                                + "' (waited "
                                + (ctx.timeDomain() == TimeDomain.PROCESSING_TIME
                                        ? grace.toString()
                                        : "until the end of the input")
                                + ")",
                        null,
                        null,
                        now,
                        ctx::output,
                        ctx::output);
            }
        }
    }

    private void conform(
            BronzeEvent e,
            Instant now,
            Collector<SilverChange> out,
            QuarantineOutput quarantine,
            TallyOutput tallies) {
        Extraction x = rules.extractor().extract(e, now);
        TenantCounters c = counters(e.getTenantId());
        if (x instanceof Extraction.Rows rows) {
            ManifestTally tally = tally(e, Outcome.ACCEPTED);
            String manifestId =
                    ManifestWindow.manifestId(
                            Layer.SILVER, tally.tenant, tally.source, job, tally.window);
            for (SilverRow row : rows.rows()) {
                row.meta().setManifestId(manifestId);
                out.collect(
                        SilverChange.of(
                                row, e.getSource(), records.encode(row.entity(), row.record())));
            }
            c.conformed.inc();
            tallies.output(TALLIES, tally);
        } else if (x instanceof Extraction.Refused refused) {
            refuse(
                    e,
                    refused.reason(),
                    refused.detail(),
                    refused.configVersion(),
                    refused.rule(),
                    now,
                    quarantine,
                    tallies);
        } else {
            c.ignored.inc();
            tallies.output(TALLIES, tally(e, Outcome.ACCEPTED));
        }
    }

    private void refuse(
            BronzeEvent e,
            QuarantineReason reason,
            String detail,
            String configVersion,
            String rule,
            Instant now,
            QuarantineOutput quarantine,
            TallyOutput tallies) {
        counters(e.getTenantId()).refused.inc();
        quarantine.output(
                QUARANTINE, QuarantineRows.refused(e, reason, detail, configVersion, rule, now));
        tallies.output(TALLIES, tally(e, Outcome.QUARANTINED));
    }

    /** The tally of {@code e} in the current window, with its Bronze manifest id as parent. */
    private ManifestTally tally(BronzeEvent e, Outcome outcome) {
        return ManifestTally.of(e, outcome)
                .inWindow(window.current())
                .withParent(e.getManifestId());
    }

    private static Instant now(long processingTime) {
        return Instant.ofEpochMilli(processingTime);
    }

    private TenantCounters counters(String tenant) {
        return counters.computeIfAbsent(
                tenant,
                t ->
                        new TenantCounters(
                                getRuntimeContext().getMetricGroup().addGroup("tenant", t)));
    }

    /** The side output of whichever context is at hand. */
    @FunctionalInterface
    private interface QuarantineOutput {
        void output(OutputTag<QuarantineRecord> tag, QuarantineRecord record);
    }

    /** The tally side output of whichever context is at hand. */
    @FunctionalInterface
    private interface TallyOutput {
        void output(OutputTag<ManifestTally> tag, ManifestTally tally);
    }

    private static final class TenantCounters {
        final Counter conformed;
        final Counter refused;
        final Counter ignored;
        final Counter waited;

        TenantCounters(org.apache.flink.metrics.MetricGroup group) {
            conformed = group.counter("conformed");
            refused = group.counter("refused");
            ignored = group.counter("ignored");
            waited = group.counter("waited");
        }
    }
}
