package io.strata.silver.state;

import io.strata.model.silver.EntityMeta;
import io.strata.silver.config.CanonicalEntity;
import io.strata.silver.extract.SilverRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Applies extracted rows in event-time order, keyed by {@link SequenceKey}, and emits what Silver
 * must upsert or delete to the entity's {@link SilverOutputs} stream.
 *
 * <ul>
 *   <li>A row is applied only if its (event time, source position) is newer than the version
 *       applied before: a late, older update never overwrites a newer one, and a record read twice
 *       is a no-op. A late, older version of a transactional root row (not master data, whose
 *       compacted topics keep the latest row per key, nor an order line) goes to {@link
 *       SilverOutputs#superseded}: the topics carry it after the newer one, for Gold's history.
 *   <li>Master data is written only when its hash diff changes (a newer unchanged copy only moves
 *       the version on); other rows are written whenever applied.
 *   <li>A delete is written and remembered as a tombstone, so an older update cannot bring the row
 *       back; deleting a parent (an order) deletes its children (its lines) and refuses children
 *       until a newer parent row revives it.
 * </ul>
 *
 * State per key: the root row's {@link RowVersion} and a map of its children's versions, both
 * expiring after the TTL without writes. The main output is unused.
 */
public final class SequenceSilverRows extends KeyedProcessFunction<String, SilverChange, Void> {

    private static final long serialVersionUID = 1L;

    private static final char SEP = SilverRow.KEY_SEPARATOR;

    private final Duration ttl;

    private transient ValueState<RowVersion> root;
    private transient MapState<String, RowVersion> children;
    private transient SilverRecords records;
    private transient MasterDataRatio ratio;
    private transient Counter superseded;

    public SequenceSilverRows(Duration ttl) {
        this.ttl = ttl;
    }

    @Override
    public void open(OpenContext openContext) {
        StateTtlConfig expiry =
                StateTtlConfig.newBuilder(ttl)
                        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                        .build();
        TypeInformation<RowVersion> versionType = TypeInformation.of(RowVersion.class);
        ValueStateDescriptor<RowVersion> rootDescriptor =
                new ValueStateDescriptor<>("row-version", versionType);
        rootDescriptor.enableTimeToLive(expiry);
        MapStateDescriptor<String, RowVersion> childDescriptor =
                new MapStateDescriptor<>("child-versions", Types.STRING, versionType);
        childDescriptor.enableTimeToLive(expiry);
        root = getRuntimeContext().getState(rootDescriptor);
        children = getRuntimeContext().getMapState(childDescriptor);
        records = new SilverRecords();
        ratio =
                new MasterDataRatio(
                        getRuntimeContext().getMetricGroup(),
                        "subtask " + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                        System.currentTimeMillis());
        superseded = getRuntimeContext().getMetricGroup().counter("supersededRows");
    }

    @Override
    public void processElement(SilverChange c, Context ctx, Collector<Void> out) throws Exception {
        CanonicalEntity entity = CanonicalEntity.byName(c.entity);
        if (c.master && !c.deleted) {
            ratio.seen();
        }
        if (c.parentKey == null) {
            applyRoot(c, entity, ctx);
        } else {
            applyChild(c, entity, ctx);
        }
        ratio.maybeLog(System.currentTimeMillis());
    }

    private void applyRoot(SilverChange c, CanonicalEntity entity, Context ctx) throws Exception {
        RowVersion incoming = RowVersion.of(c);
        RowVersion current = root.value();
        if (current != null && !incoming.isNewerThan(current)) {
            superseded.inc();
            if (!c.master && current.isNewerThan(incoming)) {
                ctx.output(SilverOutputs.superseded(entity), records.decode(entity, c.record));
            }
            return;
        }
        root.update(incoming);
        if (c.deleted) {
            if (current == null || !current.deleted) {
                SpecificRecordBase delete = emit(entity, c, ctx);
                deleteChildren((EntityMeta) delete.get(entity.metaPosition()), ctx);
            }
            return;
        }
        if (!c.master || incoming.changes(current)) {
            emit(entity, c, ctx);
        }
    }

    private void applyChild(SilverChange c, CanonicalEntity entity, Context ctx) throws Exception {
        RowVersion parent = root.value();
        if (parent != null && parent.deleted) {
            // The parent's delete is newer than anything before it; only a newer parent row,
            // which comes first in its record, revives the parent.
            superseded.inc();
            return;
        }
        String childKey = c.entity + SEP + c.key;
        RowVersion incoming = RowVersion.of(c);
        RowVersion current = children.get(childKey);
        if (current != null && !incoming.isNewerThan(current)) {
            superseded.inc();
            return;
        }
        children.put(childKey, incoming);
        if (!c.master || incoming.changes(current)) {
            emit(entity, c, ctx);
        }
    }

    private void deleteChildren(EntityMeta parentDelete, Context ctx) throws Exception {
        List<String> live = new ArrayList<>();
        for (Map.Entry<String, RowVersion> child : children.entries()) {
            if (!child.getValue().deleted) {
                live.add(child.getKey());
            }
        }
        children.clear();
        for (String childKey : live) {
            int sep = childKey.indexOf(SEP);
            CanonicalEntity entity = CanonicalEntity.byName(childKey.substring(0, sep));
            ctx.output(
                    SilverOutputs.of(entity),
                    Tombstones.of(entity, childKey.substring(sep + 1), parentDelete));
        }
    }

    private SpecificRecordBase emit(CanonicalEntity entity, SilverChange c, Context ctx) {
        SpecificRecordBase row = records.decode(entity, c.record);
        ctx.output(SilverOutputs.of(entity), row);
        if (c.master && !c.deleted) {
            ratio.written();
        }
        return row;
    }

    @Override
    public void close() throws Exception {
        if (ratio != null) {
            ratio.log();
        }
        super.close();
    }

    /** The master-data counts of this instance (for tests). */
    MasterDataRatio ratio() {
        return ratio;
    }
}
