package io.strata.tools.stack;

import io.strata.common.config.StrataOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * The SQL client's init file ({@code flink-conf/sql-client-init.sql}) rendered for one deployment:
 * each {@code ${NAME}} placeholder is the value of the jobs' configuration key that NAME spells in
 * capitals ({@code strata.kafka.bootstrap-servers} is {@code STRATA_KAFKA_BOOTSTRAP_SERVERS}), so
 * the SQL session reads the same Kafka, registry and catalog as the jobs. The same names work as
 * environment variables for {@code envsubst} where {@code ./strata} is not at hand.
 */
public final class SqlInitScript {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    /** The shared options the init file uses, whose defaults apply when a file omits them. */
    private static final List<ConfigOption<String>> DEFAULTED =
            List.of(
                    StrataOptions.KAFKA_BOOTSTRAP_SERVERS,
                    StrataOptions.SCHEMA_REGISTRY_URL,
                    StrataOptions.ICEBERG_CATALOG_TYPE,
                    StrataOptions.ICEBERG_WAREHOUSE);

    private final Map<String, String> values;

    private SqlInitScript(Map<String, String> values) {
        this.values = values;
    }

    /** The placeholders of a jobs' configuration ({@code key -> value}, as the jobs read it). */
    public static SqlInitScript of(Map<String, String> jobsConfig) {
        Map<String, String> values = new HashMap<>();
        Configuration config = Configuration.fromMap(jobsConfig);
        for (ConfigOption<String> option : DEFAULTED) {
            values.put(placeholder(option.key()), config.get(option));
        }
        jobsConfig.forEach((key, value) -> values.put(placeholder(key), value));
        return new SqlInitScript(values);
    }

    /** {@code strata.kafka.bootstrap-servers} → {@code STRATA_KAFKA_BOOTSTRAP_SERVERS}. */
    public static String placeholder(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * The template with every placeholder replaced. Placeholders sit inside SQL string literals, so
     * a value's single quotes are doubled. Fails, naming every line, when a placeholder has no
     * value.
     */
    public String render(String template, String source) {
        List<String> missing = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        String[] lines = template.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = PLACEHOLDER.matcher(lines[i]);
            StringBuilder line = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    missing.add(
                            String.format("%s:%d: ${%s} has no value", source, i + 1, m.group(1)));
                    value = m.group();
                }
                m.appendReplacement(line, Matcher.quoteReplacement(value.replace("'", "''")));
            }
            m.appendTail(line);
            out.append(line).append(i < lines.length - 1 ? "\n" : "");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    String.join("\n", missing)
                            + "\n(set the jobs' configuration key it names, e.g."
                            + " STRATA_KAFKA_BOOTSTRAP_SERVERS is strata.kafka.bootstrap-servers)");
        }
        return out.toString();
    }
}
