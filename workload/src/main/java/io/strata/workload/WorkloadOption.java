package io.strata.workload;

import java.util.function.Function;

/**
 * One generator setting: a dotted-free kebab key (also the CLI flag {@code --key=value}), its type,
 * default and a one-line description.
 */
public record WorkloadOption<T>(
        String key, Class<T> type, T defaultValue, String description, Function<String, T> parser) {

    public T parse(String text) {
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Cannot read --" + key + "=" + text + ": " + e.getMessage(), e);
        }
    }
}
