package io.strata.common.serde;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the schema registry is and how to use it; serializable so Flink can ship it inside
 * (de)serializers, which create their client lazily on the task.
 *
 * @param url base URL, e.g. {@code http://localhost:8085}; several may be comma-separated
 * @param autoRegister whether serializers register their schema (else they only look it up)
 * @param timeout bound on each registry request
 */
public record RegistryClientConfig(String url, boolean autoRegister, Duration timeout)
        implements Serializable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public RegistryClientConfig {
        Objects.requireNonNull(url, "schema registry url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("The schema registry url must not be empty");
        }
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Registers schemas as needed, with the default timeout. */
    public static RegistryClientConfig of(String url) {
        return new RegistryClientConfig(url, true, DEFAULT_TIMEOUT);
    }

    /** The same registry, with serializers only looking schemas up (production, governed). */
    public RegistryClientConfig lookupOnly() {
        return new RegistryClientConfig(url, false, timeout);
    }
}
