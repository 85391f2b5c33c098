package io.strata.tools.chaos;

import io.strata.tools.stack.FlinkRest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs under test, by name, with the ids Flink gave them at submission. A job restarted by its
 * restart strategy keeps its id, so the ids stay valid across every fault.
 */
final class ChaosJobs {

    private final Map<String, String> ids;

    private ChaosJobs(Map<String, String> ids) {
        this.ids = ids;
    }

    /** The running jobs named {@code names}; fails when one is not running. */
    static ChaosJobs of(FlinkRest flink, List<String> names) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : names) {
            ids.put(
                    name,
                    flink.running(name)
                            .orElseThrow(() -> new IllegalStateException(name + " is not running"))
                            .id());
        }
        return new ChaosJobs(ids);
    }

    String id(String name) {
        String id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException(name + " is not one of the jobs under test " + names());
        }
        return id;
    }

    Map<String, String> byName() {
        return ids;
    }

    List<String> names() {
        return List.copyOf(ids.keySet());
    }

    /**
     * Restarts per job as Flink counts them; a job whose metric is not (yet) reported keeps the
     * value of {@code previous}, so a restarting job never looks like it lost restarts.
     */
    Map<String, Long> restarts(FlinkRest flink, Map<String, Long> previous) {
        Map<String, Long> restarts = new LinkedHashMap<>();
        ids.forEach(
                (name, id) ->
                        restarts.put(
                                name, flink.restarts(id).orElse(previous.getOrDefault(name, 0L))));
        return restarts;
    }
}
