package io.strata.tools.replay;

import io.strata.common.kafka.StartFrom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.util.TimeUtils;

/**
 * A layer {@code ./strata replay} rebuilds: the job that writes it, the Iceberg namespace of its
 * tables, the Kafka topics the job reads, and the settings that turn a copy of the job into a
 * replay. The option keys are the jobs' own ({@code docs/configuration.md}); their defaults are
 * repeated here for a configuration file that leaves them out.
 */
public enum ReplayLayer {
    SILVER(
            "silver-conform",
            "silver",
            "silver.iceberg.namespace",
            "silver",
            "silver.input.group-id",
            "strata-silver-conform",
            "silver.output.kafka-enabled",
            "silver.output.transactional-id-prefix",
            "strata-silver-conform"),
    GOLD(
            "gold-features",
            "gold",
            "gold.iceberg.namespace",
            "gold",
            "gold.input.group-id",
            "strata-gold-features",
            "gold.output.kafka-enabled",
            "gold.output.transactional-id-prefix",
            "strata-gold-features");

    private final String job;
    private final String prefix;
    private final String namespaceKey;
    private final String namespaceDefault;
    private final String groupKey;
    private final String groupDefault;
    private final String kafkaEnabledKey;
    private final String transactionalIdKey;
    private final String transactionalIdDefault;

    ReplayLayer(
            String job,
            String prefix,
            String namespaceKey,
            String namespaceDefault,
            String groupKey,
            String groupDefault,
            String kafkaEnabledKey,
            String transactionalIdKey,
            String transactionalIdDefault) {
        this.job = job;
        this.prefix = prefix;
        this.namespaceKey = namespaceKey;
        this.namespaceDefault = namespaceDefault;
        this.groupKey = groupKey;
        this.groupDefault = groupDefault;
        this.kafkaEnabledKey = kafkaEnabledKey;
        this.transactionalIdKey = transactionalIdKey;
        this.transactionalIdDefault = transactionalIdDefault;
    }

    /** The layer named {@code name} (silver, gold), case-insensitive. */
    public static ReplayLayer of(String name) {
        for (ReplayLayer l : values()) {
            if (l.name().equalsIgnoreCase(name.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("No layer '" + name + "': silver or gold");
    }

    /** The live job's name (Flink job name and jar module). */
    public String job() {
        return job;
    }

    /** The Iceberg namespace of the layer's tables. */
    public String namespace(Map<String, String> config) {
        return config.getOrDefault(namespaceKey, namespaceDefault);
    }

    /** The consumer group replay {@code id} commits its offsets to. */
    public String replayGroup(Map<String, String> config, String id) {
        return liveGroup(config) + "-replay-" + id;
    }

    /** The consumer group the live job commits its offsets to. */
    public String liveGroup(Map<String, String> config) {
        return config.getOrDefault(groupKey, groupDefault);
    }

    /**
     * The Kafka topics the job reads, as a pattern, e.g. {@code bronze.events|bronze.reprocess}:
     * what a replay must catch up with.
     */
    public Pattern inputTopics(Map<String, String> config) {
        return switch (this) {
            case SILVER ->
                    Pattern.compile(
                            Pattern.quote(
                                            config.getOrDefault(
                                                    "silver.input.topic", "bronze.events"))
                                    + "|"
                                    + Pattern.quote(
                                            config.getOrDefault(
                                                    "silver.input.reprocess-topic",
                                                    "bronze.reprocess")));
            case GOLD ->
                    Pattern.compile(
                            Pattern.quote(config.getOrDefault("gold.input.topic-prefix", "silver."))
                                    + "(customer|product|order|order_line|support_ticket"
                                    + "|product_return)");
        };
    }

    /**
     * The Iceberg table of Bronze events a Silver replay reads instead of the topics once they no
     * longer hold their beginning; empty for Gold, whose input has no such table.
     */
    public java.util.Optional<String> bronzeTable(Map<String, String> config) {
        return this == SILVER
                ? java.util.Optional.of(
                        config.getOrDefault("silver.reprocess.bronze-table", "bronze.events"))
                : java.util.Optional.empty();
    }

    /** The setting that makes a Silver replay read {@link #bronzeTable} at {@code snapshotId}. */
    public Map<String, String> bronzeTableSettings(long snapshotId) {
        if (this != SILVER) {
            throw new IllegalArgumentException(this + " has no Bronze table input");
        }
        return Map.of("silver.input.bronze-table-snapshot", Long.toString(snapshotId));
    }

    /**
     * How long a replay that has caught up keeps running before it is stopped, so that what the job
     * holds back for a quiet input is released as the live job released it: for Gold, the features'
     * input idleness ({@code gold.features.idleness}) and two checkpoints more; nothing for Silver.
     */
    public Duration settle(Map<String, String> config) {
        if (this != GOLD) {
            return Duration.ZERO;
        }
        Duration idleness =
                TimeUtils.parseDuration(config.getOrDefault("gold.features.idleness", "1 min"));
        Duration checkpoint =
                TimeUtils.parseDuration(config.getOrDefault("strata.checkpoint.interval", "10 s"));
        return idleness.plus(checkpoint.multipliedBy(2));
    }

    /** The job upstream whose table a Silver replay reads: stopped so the table stands still. */
    public static final String BRONZE_JOB = "bronze-ingest";

    /**
     * The settings that make the job a replay: its own name, consumer group and transactional ids,
     * its own manifest topic (so its windows do not count twice in the live reconciliation), no
     * Kafka output (the live topics keep their consumers' history), its Iceberg commits on {@code
     * branch}, reading from {@code from}, and only {@code tenant} when not null.
     */
    public Map<String, String> replaySettings(
            Map<String, String> config,
            String id,
            String branch,
            ReplayPosition from,
            String tenant) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("pipeline.name", job + " replay " + id);
        s.put("strata.iceberg.write-branch", branch);
        s.put(groupKey, replayGroup(config, id));
        s.put(
                transactionalIdKey,
                config.getOrDefault(transactionalIdKey, transactionalIdDefault) + "-replay-" + id);
        s.put(kafkaEnabledKey, "false");
        s.put(
                "strata.manifest.topic",
                config.getOrDefault("strata.manifest.topic", "ops.manifest") + ".replay-" + id);
        s.put(prefix + ".input.start-from", from.startFrom().name());
        if (from.startFrom() == StartFrom.TIMESTAMP) {
            s.put(prefix + ".input.start-timestamp", from.value());
        } else if (from.startFrom() == StartFrom.OFFSETS) {
            s.put(prefix + ".input.start-offsets", from.value());
        }
        if (tenant != null) {
            s.put(prefix + ".input.tenants", tenant);
        }
        return s;
    }

    /** {@code --key value} job arguments of {@code settings}. */
    public static List<String> arguments(Map<String, String> settings) {
        List<String> args = new ArrayList<>();
        settings.forEach(
                (k, v) -> {
                    args.add("--" + k);
                    args.add(v);
                });
        return args;
    }
}
