package io.strata.bronze;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;

/** Collects a stream's records into a static list named by the test (MiniCluster, one JVM). */
public final class CollectingSink<T> implements SinkFunction<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, List<Object>> COLLECTED = new ConcurrentHashMap<>();

    private final String name;

    public CollectingSink(String name) {
        this.name = name;
        COLLECTED.put(name, new CopyOnWriteArrayList<>());
    }

    @Override
    public void invoke(T value, Context context) {
        COLLECTED.get(name).add(value);
    }

    @SuppressWarnings("unchecked")
    public List<T> collected() {
        return (List<T>) List.copyOf(COLLECTED.get(name));
    }
}
