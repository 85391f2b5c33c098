package io.strata.common.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.GlobalConfiguration;

/**
 * Which configuration values are secrets, so a log line or a dump of the configuration shows
 * {@value #MASK} instead. Flink's own rule ({@link GlobalConfiguration#isSensitive}: password,
 * secret, token, jaas.config, basic-auth, ...) plus the words Strata's pass-through keys add
 * (Iceberg REST {@code credential}, the registry's {@code user-info}).
 */
public final class SecretKeys {

    public static final String MASK = "******";

    private static final String[] EXTRA_WORDS = {"credential", "user-info", "access-key"};

    private SecretKeys() {}

    /** Whether the value of {@code key} must never be shown. */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (GlobalConfiguration.isSensitive(key)) {
            return true;
        }
        for (String word : EXTRA_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** {@code config} sorted by key, with every secret value replaced by {@value #MASK}. */
    public static Map<String, String> masked(Map<String, String> config) {
        Map<String, String> shown = new LinkedHashMap<>();
        new TreeMap<>(config).forEach((key, value) -> shown.put(key, isSecret(key) ? MASK : value));
        return shown;
    }
}
