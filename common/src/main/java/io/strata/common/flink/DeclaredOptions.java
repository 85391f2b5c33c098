package io.strata.common.flink;

import io.strata.common.config.StrataOptions;
import io.strata.common.kafka.KafkaClientProperties;
import io.strata.common.lineage.LineageOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The {@link ConfigOption}s declared as constants of {@code *Options} classes, so a job can refuse
 * a misspelt key at start-up and a test can check that the documentation lists every option.
 */
public final class DeclaredOptions {

    /** The prefix of the options every job shares. */
    public static final String SHARED_PREFIX = "strata.";

    private final List<ConfigOption<?>> options;

    private DeclaredOptions(List<ConfigOption<?>> options) {
        this.options = List.copyOf(options);
    }

    /** Every {@code public static final ConfigOption} of the given classes. */
    public static DeclaredOptions of(Class<?>... holders) {
        List<ConfigOption<?>> found = new ArrayList<>();
        for (Class<?> holder : holders) {
            for (Field field : holder.getFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        && ConfigOption.class.isAssignableFrom(field.getType())) {
                    found.add(read(field));
                }
            }
        }
        return new DeclaredOptions(found);
    }

    /**
     * Refuses a job's misspelt keys at start-up: under {@code jobPrefix}, keys {@code jobOptions}
     * does not declare; under {@code strata.}, keys no shared option declares (Kafka client and
     * Iceberg catalog properties pass through). Without the second check, a typo in a shared key
     * would silently fall back to its default, e.g. Kafka at {@code localhost:9092}.
     */
    public static void checkJob(ReadableConfig config, Class<?> jobOptions, String jobPrefix) {
        of(jobOptions).checkKnown(config, Set.of(jobPrefix), Set.of());
        of(StrataOptions.class, LineageOptions.class)
                .checkKnown(
                        config,
                        Set.of(SHARED_PREFIX),
                        Set.of(KafkaClientProperties.PREFIX, StrataOptions.ICEBERG_CATALOG_PREFIX));
    }

    public List<ConfigOption<?>> options() {
        return options;
    }

    /**
     * Refuses keys under one of {@code prefixes} that no option declares, unless they fall under
     * one of the {@code passThrough} prefixes (e.g. catalog or client properties).
     */
    public void checkKnown(ReadableConfig config, Set<String> prefixes, Set<String> passThrough) {
        Set<String> known = options.stream().map(ConfigOption::key).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        for (String key : config.toMap().keySet()) {
            boolean ours = prefixes.stream().anyMatch(key::startsWith);
            boolean passed = passThrough.stream().anyMatch(key::startsWith);
            if (ours && !passed && !known.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "Unknown option(s) "
                            + unknown
                            + "; the known ones are "
                            + new TreeSet<>(known));
        }
    }

    private static ConfigOption<?> read(Field field) {
        try {
            return (ConfigOption<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read option " + field, e);
        }
    }
}
