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
 * @param basicAuthUserInfo {@code user:password} for HTTP basic authentication (Confluent's {@code
 *     basic.auth.user.info}), or null for none; never shown by {@link #toString()}
 */
public record RegistryClientConfig(
        String url, boolean autoRegister, Duration timeout, String basicAuthUserInfo)
        implements Serializable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public RegistryClientConfig {
        Objects.requireNonNull(url, "schema registry url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("The schema registry url must not be empty");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (basicAuthUserInfo != null && !basicAuthUserInfo.contains(":")) {
            throw new IllegalArgumentException(
                    "The schema registry's basic-auth user info must be user:password");
        }
    }

    /** Registers schemas as needed, with the default timeout. */
    public static RegistryClientConfig of(String url) {
        return new RegistryClientConfig(url, true, DEFAULT_TIMEOUT, null);
    }

    /** The same registry, authenticated with {@code user:password} (null or empty: none). */
    public RegistryClientConfig withBasicAuth(String userInfo) {
        String info = userInfo == null || userInfo.isEmpty() ? null : userInfo;
        return new RegistryClientConfig(url, autoRegister, timeout, info);
    }

    /** The same registry, with serializers only looking schemas up (production, governed). */
    public RegistryClientConfig lookupOnly() {
        return new RegistryClientConfig(url, false, timeout, basicAuthUserInfo);
    }

    /** Without the credentials: configurations end up in logs and exception messages. */
    @Override
    public String toString() {
        return "RegistryClientConfig[url="
                + url
                + ", autoRegister="
                + autoRegister
                + ", timeout="
                + timeout
                + ", basicAuth="
                + (basicAuthUserInfo == null ? "none" : "******")
                + "]";
    }
}
