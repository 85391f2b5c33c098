package io.strata.tools.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a recorded job's CPU samples went ({@code jdk.ExecutionSample} events of a JFR recording):
 * by library (the package of the first frame, from the top, outside the JDK itself), by task thread
 * (a thread is one operator chain's subtask), and by the method on top of the stack.
 */
record ProfileSummary(
        long samples,
        Map<String, Long> byLibrary,
        Map<String, Long> byThread,
        Map<String, Long> byTopFrame) {

    /** Package prefixes to the label they are counted under, first match wins. */
    private static final Map<String, String> LIBRARIES = libraries();

    private static final int ROWS = 12;

    /**
     * Reads {@code recording}'s execution samples, one event at a time: a whole chain's recording
     * holds millions of events (a 300,000-event run's was 176 MB) and must not be read into memory.
     */
    static ProfileSummary of(Path recording) throws IOException {
        Map<String, Long> libraries = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> top = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                top.merge(method(frames.get(0)), 1L, Long::sum);
                libraries.merge(library(frames), 1L, Long::sum);
                threads.merge(thread(event), 1L, Long::sum);
            }
        }
        return new ProfileSummary(samples, sorted(libraries), sorted(threads), sorted(top));
    }

    /** The report's section for {@code recording}; a line saying why when it cannot be read. */
    static List<String> section(Path recording) {
        try {
            return of(recording).markdown(recording.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return List.of("The recording `" + recording + "` could not be read: " + e);
        }
    }

    /** The report's section: three share tables, or a line saying nothing was sampled. */
    List<String> markdown(String recordingName) {
        List<String> md = new ArrayList<>();
        if (samples == 0) {
            md.add("The recording (`" + recordingName + "`) holds no execution samples.");
            return md;
        }
        md.add(
                String.format(
                        Locale.ROOT,
                        "%,d CPU samples of the TaskManager, JFR `profile` settings; the recording is"
                                + " `%s` (open it in JDK Mission Control for flame graphs).",
                        samples,
                        recordingName));
        md.add("");
        table(md, "library (first frame outside the JDK)", byLibrary);
        table(md, "task thread (operator chain, subtask)", byThread);
        table(md, "method on top of the stack (self time)", byTopFrame);
        return md;
    }

    private void table(List<String> md, String what, Map<String, Long> counts) {
        md.add("| " + what + " | share |");
        md.add("|---|---:|");
        counts.entrySet().stream()
                .limit(ROWS)
                .forEach(
                        e ->
                                md.add(
                                        String.format(
                                                Locale.ROOT,
                                                "| `%s` | %.1f %% |",
                                                e.getKey(),
                                                100.0 * e.getValue() / samples)));
        md.add("");
    }

    static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            String label =
                    LIBRARIES.entrySet().stream()
                            .filter(l -> type.startsWith(l.getKey()))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse("other: " + packageOf(type));
            if (!label.equals("JDK")) {
                return label;
            }
        }
        return "JDK";
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The thread's name without its attempt suffix, long chains cut to stay readable. */
    private static String thread(RecordedEvent event) {
        var thread = event.getThread("sampledThread");
        String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
        name = name.replaceAll("#\\d+$", "").replace('|', '/');
        return name.length() > 140 ? name.substring(0, 137) + "..." : name;
    }

    private static String packageOf(String type) {
        String[] parts = type.split("\\.");
        return String.join(".", List.of(parts).subList(0, Math.min(3, parts.length - 1)));
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(
                        Collectors.toMap(
                                Map.Entry::getKey,
                                Map.Entry::getValue,
                                (a, b) -> a,
                                LinkedHashMap::new));
    }

    private static Map<String, String> libraries() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("io.strata.", "Strata");
        l.put("org.apache.iceberg.shaded.org.apache.parquet.", "Parquet");
        l.put("org.apache.parquet.", "Parquet");
        l.put("org.apache.iceberg.", "Iceberg");
        l.put("org.apache.kafka.", "Kafka clients");
        l.put("org.apache.flink.connector.kafka.", "Flink Kafka connector");
        l.put("org.apache.avro.", "Avro");
        l.put("org.apache.flink.formats.avro.", "Flink Avro");
        l.put("com.fasterxml.jackson.", "Jackson");
        l.put("org.apache.flink.shaded.jackson2.", "Jackson");
        l.put("org.rocksdb.", "RocksDB");
        l.put("org.apache.flink.contrib.streaming.state.", "Flink RocksDB backend");
        l.put("org.apache.flink.runtime.io.network.", "Flink network");
        l.put("org.apache.flink.api.common.typeutils.", "Flink serializers");
        l.put("org.apache.flink.api.java.typeutils.", "Flink serializers");
        l.put("org.apache.flink.table.", "Flink table runtime");
        l.put("org.apache.flink.", "Flink runtime");
        l.put("org.apache.hadoop.", "Hadoop");
        l.put("sun.security.provider.", "SHA-256 (JDK)");
        l.put("java.util.regex.", "regex (JDK)");
        l.put("java.", "JDK");
        l.put("javax.", "JDK");
        l.put("jdk.", "JDK");
        l.put("sun.", "JDK");
        return l;
    }
}
