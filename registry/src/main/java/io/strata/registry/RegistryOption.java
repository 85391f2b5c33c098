package io.strata.registry;

/**
 * Every setting of the registry, with its command-line key, default and description; the one place
 * they are documented ({@link SchemaRegistryMain} prints them as its usage).
 */
public enum RegistryOption {
    BOOTSTRAP_SERVERS(
            "bootstrap-servers",
            null,
            "Kafka bootstrap servers of the cluster that holds the schemas topic."),
    HOST("host", "127.0.0.1", "Address the HTTP server binds to."),
    PORT("port", "8085", "HTTP port; 0 picks a free one."),
    TOPIC(
            "topic",
            "_schemas",
            "Compacted single-partition topic holding schemas and configs; created if missing."),
    DEFAULT_COMPATIBILITY(
            "default-compatibility",
            "BACKWARD",
            "Global compatibility level until one is set with PUT /config."),
    HTTP_THREADS("http-threads", "4", "Threads serving HTTP requests."),
    TIMEOUT_MS(
            "timeout-ms",
            "30000",
            "Bound on replaying the topic at start and on acknowledging each write.");

    private final String key;
    private final String defaultValue;
    private final String description;

    RegistryOption(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The command-line key, used as {@code --key value}. */
    public String key() {
        return key;
    }

    /** The default as text; null when the option is required. */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The option with this command-line key. */
    public static RegistryOption forKey(String key) {
        for (RegistryOption option : values()) {
            if (option.key.equals(key)) {
                return option;
            }
        }
        throw new IllegalArgumentException("Unknown option --" + key);
    }
}
