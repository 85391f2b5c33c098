package io.strata.tools.bench;

import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.StackHome;
import io.strata.tools.stack.StackOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.AppInfoParser;

/** The machine and settings a bench ran with, for the report: numbers mean little without them. */
final class Environment {

    /** The cluster settings both pipelines share that decide their speed. */
    private static final List<String> CLUSTER_KEYS =
            List.of(
                    "parallelism.default",
                    "state.backend.type",
                    "state.backend.incremental",
                    "execution.buffer-timeout.interval",
                    "pipeline.object-reuse");

    private Environment() {}

    static Map<String, String> describe(
            StackHome home, List<String> otherJobs, String loadAtStart) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("memory", firstLine(Path.of("/proc/meminfo")).replaceAll("\\s+", " "));
        env.put("load average (1/5/15 min, runnable/all) at the start", loadAtStart);
        env.put("load average at the end", loadAverage());
        env.put(
                "JVM",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        FlinkRest rest = new FlinkRest(home);
        env.put("Flink", rest.flinkVersion());
        env.put("Kafka clients / broker", AppInfoParser.getVersion());
        env.put("Kafka partitions", home.get(StackOptions.KAFKA_PARTITIONS).toString());
        env.put(
                "TaskManager",
                home.get(StackOptions.FLINK_TASKMANAGER_MEMORY)
                        + " process, "
                        + home.get(StackOptions.FLINK_TASK_SLOTS)
                        + " slots");
        Map<String, String> cluster = rest.clusterConfig();
        env.put(
                "cluster (the JobManager's configuration)",
                CLUSTER_KEYS.stream()
                        .map(key -> key + " " + cluster.getOrDefault(key, "(default)"))
                        .collect(Collectors.joining(", ")));
        env.put(
                "other jobs running on the cluster",
                otherJobs.isEmpty() ? "none" : String.join(", ", otherJobs));
        return env;
    }

    static String loadAverage() {
        return firstLine(Path.of("/proc/loadavg"));
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).stream().findFirst().orElse("").trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
