package io.strata.workload.oracle;

import io.strata.workload.oracle.SilverRows.OrderLineRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * silver-conform's sequencing rules ({@code SequenceSilverRows}) in plain Java, without state
 * expiry: which extracted row versions it publishes, in the order it publishes them.
 *
 * <ul>
 *   <li>A version is applied only if it is newer (event time, then position) than the version of
 *       its key applied before. A strictly older one is not applied; unless it is master data
 *       (compacted topics keep the latest row per key) or an order line, it is published after the
 *       newer one (Silver's table keeps the newest; its topic carries every version, so Gold's
 *       point-in-time history has them whatever order they arrived in). The same version again is
 *       dropped.
 *   <li>Master data is published only when its content or deleted flag changes (an unchanged newer
 *       copy only moves the version on); other rows whenever applied.
 *   <li>A delete is published once; deleting an order publishes a delete of each of its live lines
 *       (in line-key order) and refuses its lines until a newer order version revives it.
 * </ul>
 */
final class SilverSequencer {

    /** What silver-conform keeps per (tenant, entity, key): the root's and its lines' versions. */
    private static final class KeyState {
        SilverVersion root;
        final Map<String, SilverVersion> children = new TreeMap<>();
    }

    private final Map<String, KeyState> states = new HashMap<>();
    private final Consumer<SilverVersion> published;

    SilverSequencer(Consumer<SilverVersion> published) {
        this.published = published;
    }

    /** Applies a row without a parent (everything but order lines). */
    void root(SilverVersion v, boolean master) {
        KeyState s = state(v.entity(), v.tenant(), v.key());
        SilverVersion current = s.root;
        if (current != null && !v.isNewerThan(current)) {
            if (!master && current.isNewerThan(v)) {
                published.accept(v);
            }
            return;
        }
        s.root = v;
        if (v.deleted()) {
            if (current == null || !current.deleted()) {
                published.accept(v);
                deleteChildren(s, v);
            }
            return;
        }
        if (!master || changes(v, current)) {
            published.accept(v);
        }
    }

    /** Applies an order line, which is sequenced under its order. */
    void line(SilverVersion v) {
        OrderLineRow line = (OrderLineRow) v.row();
        KeyState s = state(SilverEntity.ORDER, v.tenant(), line.orderKey());
        if (s.root != null && s.root.deleted()) {
            return;
        }
        SilverVersion current = s.children.get(line.lineKey());
        if (current != null && !v.isNewerThan(current)) {
            return;
        }
        s.children.put(line.lineKey(), v);
        published.accept(v);
    }

    private void deleteChildren(KeyState s, SilverVersion parentDelete) {
        List<SilverVersion> live = new ArrayList<>();
        for (SilverVersion child : s.children.values()) {
            if (!child.deleted()) {
                live.add(child);
            }
        }
        s.children.clear();
        for (SilverVersion child : live) {
            OrderLineRow l = (OrderLineRow) child.row();
            published.accept(
                    new SilverVersion(
                            new OrderLineRow(
                                    l.tenantId(),
                                    l.orderKey(),
                                    l.lineKey(),
                                    null,
                                    null,
                                    null,
                                    null),
                            parentDelete.eventTime(),
                            parentDelete.position(),
                            true));
        }
    }

    private KeyState state(SilverEntity entity, String tenant, String key) {
        return states.computeIfAbsent(
                tenant + '\u0000' + entity.entityName() + '\u0000' + key, k -> new KeyState());
    }

    /** Whether {@code v} changes what Silver holds (silver-conform compares hash diffs). */
    private static boolean changes(SilverVersion v, SilverVersion previous) {
        return previous == null
                || previous.deleted() != v.deleted()
                || !previous.row().equals(v.row());
    }
}
