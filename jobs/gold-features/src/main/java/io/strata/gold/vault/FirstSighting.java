package io.strata.gold.vault;

import java.io.IOException;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Writes each hub or link key once, keyed by its hash key: the first row of a key is emitted and
 * its {@link Sighting} kept; a later row of the key is dropped, unless its load time is earlier
 * (ties: the smaller record source), which rewrites the key's row (an upsert by hash key).
 *
 * <p>So the row a key ends with is its earliest sighting in event time, whatever the order in which
 * the Silver topics' partitions were read: a replay ends with the same rows. Keys are not
 * forgotten: the state holds one small entry per key, as the table does.
 */
final class FirstSighting<T extends SpecificRecordBase> extends KeyedProcessFunction<String, T, T> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<Sighting> first;

    @Override
    public void open(OpenContext openContext) {
        first =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "first-sighting", TypeInformation.of(Sighting.class)));
    }

    @Override
    public void processElement(T row, Context ctx, Collector<T> out) throws IOException {
        Sighting sighting = Sighting.of(row);
        Sighting seen = first.value();
        if (seen == null || sighting.isBefore(seen)) {
            first.update(sighting);
            out.collect(row);
        }
    }
}
