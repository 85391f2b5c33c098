package io.strata.registry;

import io.strata.registry.service.CompatibilityLevel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** The registry's settings, typed; defaults are those of {@link RegistryOption}. */
public final class RegistryConfig {

    private final Map<RegistryOption, String> values;
    private final Map<String, Object> kafkaProperties;

    private RegistryConfig(Map<RegistryOption, String> values, Map<String, Object> kafka) {
        this.values = values;
        this.kafkaProperties = Map.copyOf(kafka);
        validate();
    }

    /** A builder for a registry storing its schemas on the Kafka cluster at bootstrapServers. */
    public static Builder builder(String bootstrapServers) {
        return new Builder().set(RegistryOption.BOOTSTRAP_SERVERS, bootstrapServers);
    }

    /** Settings from option values given as text, defaults for the rest. */
    public static RegistryConfig fromOptions(Map<RegistryOption, String> options) {
        Builder builder = new Builder();
        options.forEach(builder::set);
        return builder.build();
    }

    private void validate() {
        if (bootstrapServers() == null || bootstrapServers().isBlank()) {
            throw new IllegalArgumentException("--bootstrap-servers is required");
        }
        check(port() >= 0 && port() <= 65535, "port must be within 0..65535");
        check(httpThreads() >= 1, "http-threads must be at least 1");
        check(timeout().toMillis() > 0, "timeout-ms must be positive");
        check(!topic().isBlank(), "topic must not be empty");
        defaultCompatibility();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public String bootstrapServers() {
        return values.get(RegistryOption.BOOTSTRAP_SERVERS);
    }

    public String host() {
        return values.get(RegistryOption.HOST);
    }

    public int port() {
        return integer(RegistryOption.PORT);
    }

    public String topic() {
        return values.get(RegistryOption.TOPIC);
    }

    public CompatibilityLevel defaultCompatibility() {
        return CompatibilityLevel.parse(values.get(RegistryOption.DEFAULT_COMPATIBILITY));
    }

    public int httpThreads() {
        return integer(RegistryOption.HTTP_THREADS);
    }

    public Duration timeout() {
        return Duration.ofMillis(Long.parseLong(values.get(RegistryOption.TIMEOUT_MS)));
    }

    /** Kafka client settings: bootstrap servers plus any extra ones given to the builder. */
    public Map<String, Object> kafkaProperties() {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put("bootstrap.servers", bootstrapServers());
        return props;
    }

    private int integer(RegistryOption option) {
        try {
            return Integer.parseInt(values.get(option));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option.key() + " must be an integer, got '" + values.get(option) + "'");
        }
    }

    /** Builds a {@link RegistryConfig}; unset options take their defaults. */
    public static final class Builder {
        private final Map<RegistryOption, String> values = new EnumMap<>(RegistryOption.class);
        private final Map<String, Object> kafka = new HashMap<>();

        private Builder() {
            for (RegistryOption option : RegistryOption.values()) {
                if (option.defaultValue() != null) {
                    values.put(option, option.defaultValue());
                }
            }
        }

        public Builder set(RegistryOption option, String value) {
            values.put(option, Objects.requireNonNull(value, option.key()));
            return this;
        }

        public Builder host(String host) {
            return set(RegistryOption.HOST, host);
        }

        public Builder port(int port) {
            return set(RegistryOption.PORT, Integer.toString(port));
        }

        public Builder topic(String topic) {
            return set(RegistryOption.TOPIC, topic);
        }

        public Builder defaultCompatibility(CompatibilityLevel level) {
            return set(RegistryOption.DEFAULT_COMPATIBILITY, level.name());
        }

        public Builder httpThreads(int threads) {
            return set(RegistryOption.HTTP_THREADS, Integer.toString(threads));
        }

        public Builder timeout(Duration timeout) {
            return set(RegistryOption.TIMEOUT_MS, Long.toString(timeout.toMillis()));
        }

        /** An extra Kafka client setting, e.g. for security. */
        public Builder kafkaProperty(String key, Object value) {
            kafka.put(key, value);
            return this;
        }

        public RegistryConfig build() {
            return new RegistryConfig(new EnumMap<>(values), kafka);
        }
    }
}
