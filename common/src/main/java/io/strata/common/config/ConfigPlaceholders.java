package io.strata.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves placeholders in configuration values, so a deployment's file can live in a repository or
 * a ConfigMap while its secrets stay in the environment or in mounted secret files:
 *
 * <ul>
 *   <li>{@code ${env:NAME}}: the environment variable, which must be set;
 *   <li>{@code ${env:NAME:-default}}: the variable, or {@code default} when unset or empty;
 *   <li>{@code ${file:PATH}}: the file's content without trailing line breaks (a Kubernetes Secret
 *       or Docker secret mounted as a file); a relative path is relative to the configuration
 *       file's directory.
 * </ul>
 *
 * <p>A placeholder may be part of a value ({@code ... password="${env:KAFKA_PASSWORD}";}). Errors
 * name the key and the variable or file, never a value.
 */
public final class ConfigPlaceholders {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{(env|file):([^}:]+)(?::-([^}]*))?}");

    private final Function<String, String> environment;
    private final Path baseDir;

    /**
     * @param environment looks up environment variables ({@code System::getenv} in production)
     * @param baseDir the directory relative {@code ${file:...}} paths start from
     */
    public ConfigPlaceholders(Function<String, String> environment, Path baseDir) {
        this.environment = environment;
        this.baseDir = baseDir;
    }

    /** The process's environment, relative files from the working directory. */
    public static ConfigPlaceholders fromSystem() {
        return new ConfigPlaceholders(System::getenv, Path.of(""));
    }

    /** The same lookups with relative files from {@code dir}. */
    public ConfigPlaceholders relativeTo(Path dir) {
        return new ConfigPlaceholders(environment, dir);
    }

    /** Every value of {@code values} with its placeholders resolved, in the same order. */
    public Map<String, String> resolve(Map<String, String> values) {
        Map<String, String> resolved = new LinkedHashMap<>();
        values.forEach((key, value) -> resolved.put(key, resolve(key, value)));
        return resolved;
    }

    private String resolve(String key, String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement =
                    m.group(1).equals("env")
                            ? variable(key, m.group(2), m.group(3))
                            : file(key, m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String variable(String key, String name, String fallback) {
        String value = environment.apply(name);
        if (value != null && !value.isEmpty()) {
            return value;
        }
        if (fallback != null) {
            return fallback;
        }
        throw new IllegalArgumentException(
                "The configuration key " + key + " needs the environment variable " + name);
    }

    private String file(String key, String path) {
        Path file = baseDir.resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "The configuration key " + key + " needs the file " + file);
        }
        try {
            // Secret files are often written with a trailing newline (echo, kubectl create).
            return Files.readString(file, StandardCharsets.UTF_8).replaceAll("[\\r\\n]+$", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + " for " + key, e);
        }
    }
}
