package io.strata.common.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.strata.common.config.ConfigPlaceholders;
import io.strata.common.config.SecretKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.Preconditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's configuration, read once at the edge: an optional YAML or properties file ({@code
 * --config path}) and {@code --key value} arguments, which win over the file. Everything below
 * {@code main} reads typed options from the returned {@link Configuration}.
 *
 * <p>Values may hold {@code ${env:NAME}} and {@code ${file:PATH}} placeholders ({@link
 * ConfigPlaceholders}), so secrets stay out of the file; the configuration is logged once with
 * secrets masked ({@link SecretKeys}).
 */
public final class JobConfig {

    /** The argument naming the configuration file. */
    public static final String CONFIG_FILE_ARG = "config";

    private static final Logger LOG = LoggerFactory.getLogger(JobConfig.class);

    private JobConfig() {}

    /**
     * Merges the file named by {@code --config} (if any) with the other arguments, placeholders
     * resolved from the process's environment.
     */
    public static Configuration fromArgs(String[] args) {
        return fromArgs(args, ConfigPlaceholders.fromSystem());
    }

    /** {@link #fromArgs(String[])} with placeholders resolved by {@code placeholders}. */
    public static Configuration fromArgs(String[] args, ConfigPlaceholders placeholders) {
        ParameterTool params = ParameterTool.fromArgs(args);
        Map<String, String> merged = new LinkedHashMap<>();
        if (params.has(CONFIG_FILE_ARG)) {
            merged.putAll(readFile(Path.of(params.getRequired(CONFIG_FILE_ARG)), placeholders));
        }
        Map<String, String> overrides = new LinkedHashMap<>(params.toMap());
        overrides.remove(CONFIG_FILE_ARG);
        merged.putAll(placeholders.resolve(overrides));
        LOG.info("Strata configuration: {}", SecretKeys.masked(merged));
        return Configuration.fromMap(merged);
    }

    /** {@link #readFile(Path, ConfigPlaceholders)} from the process's environment. */
    public static Map<String, String> readFile(Path file) {
        return readFile(file, ConfigPlaceholders.fromSystem());
    }

    /**
     * Reads a {@code .yaml}/{@code .yml} (nested keys are joined with dots) or properties file and
     * resolves its placeholders, relative files from the file's directory.
     */
    public static Map<String, String> readFile(Path file, ConfigPlaceholders placeholders) {
        Path dir = file.toAbsolutePath().getParent();
        return placeholders.relativeTo(dir).resolve(readRaw(file));
    }

    private static Map<String, String> readRaw(Path file) {
        Preconditions.checkArgument(
                Files.isRegularFile(file), "The configuration file %s does not exist", file);
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return name.endsWith(".yaml") || name.endsWith(".yml")
                    ? readYaml(in)
                    : readProperties(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the configuration file " + file, e);
        }
    }

    private static Map<String, String> readProperties(InputStream in) throws IOException {
        Properties props = new Properties();
        props.load(in);
        Map<String, String> map = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k).trim()));
        return map;
    }

    private static Map<String, String> readYaml(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        Map<String, String> map = new LinkedHashMap<>();
        if (root != null && !root.isNull()) {
            Preconditions.checkArgument(
                    root.isObject(), "A YAML configuration file must hold a mapping of keys");
            flatten("", root, map);
        }
        return map;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(
                        prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(),
                        f.getValue(),
                        out);
            }
        } else if (node.isArray()) {
            // Flink's list options separate items with ';'.
            StringJoiner items = new StringJoiner(";");
            node.forEach(item -> items.add(item.asText()));
            out.put(prefix, items.toString());
        } else if (!node.isNull()) {
            out.put(prefix, node.asText());
        }
    }
}
