package io.strata.gold.vault;

import java.io.IOException;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Writes a satellite row only when it changes, keyed by the hub key it describes: a row whose hash
 * diff differs from the key's previous row's is emitted (A → B → A is three rows), the same hash
 * diff again is dropped. Rows arrive in the order Silver published the key's versions; a version
 * with an older load time than the newest one seen is skipped (Silver's topics carry the versions
 * its tables superseded, after the newer one), versions of one load time are taken as they come.
 * State: the last hash diff and the newest load time per key.
 */
final class HashDiffChanges<T extends SpecificRecordBase>
        extends KeyedProcessFunction<String, T, T> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<String> lastHashDiff;
    private transient ValueState<Long> newestLoadTime;

    @Override
    public void open(OpenContext openContext) {
        lastHashDiff =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("last-hash-diff", Types.STRING));
        newestLoadTime =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("newest-load-time", Types.LONG));
    }

    @Override
    public void processElement(T row, Context ctx, Collector<T> out) throws IOException {
        long loadTime = ((Instant) row.get(VaultColumns.LOAD_TIME)).toEpochMilli();
        Long newest = newestLoadTime.value();
        if (newest != null && loadTime < newest) {
            return;
        }
        newestLoadTime.update(loadTime);
        String hashDiff = (String) row.get(VaultColumns.HASH_DIFF);
        if (!hashDiff.equals(lastHashDiff.value())) {
            lastHashDiff.update(hashDiff);
            out.collect(row);
        }
    }
}
