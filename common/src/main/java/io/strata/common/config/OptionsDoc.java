package io.strata.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.description.HtmlFormatter;
import org.apache.flink.util.TimeUtils;

/**
 * Keeps {@code docs/configuration.md} — the one place every option is documented — in step with the
 * code: each module's test renders its options into a marked section of that file and fails when
 * the committed text differs ({@code -Dstrata.docs.update=true} rewrites the section).
 */
public final class OptionsDoc {

    /** System property that makes {@link #verifySection} rewrite the section instead of failing. */
    public static final String UPDATE_PROPERTY = "strata.docs.update";

    private OptionsDoc() {}

    /** A markdown table: key, default, description. */
    public static String table(List<ConfigOption<?>> options) {
        StringBuilder md = new StringBuilder("| key | default | description |\n|---|---|---|\n");
        HtmlFormatter formatter = new HtmlFormatter();
        for (ConfigOption<?> option : options) {
            md.append("| `")
                    .append(option.key())
                    .append("` | ")
                    .append(defaultOf(option))
                    .append(" | ")
                    .append(formatter.format(option.description()).replace("|", "\\|"))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String defaultOf(ConfigOption<?> option) {
        if (!option.hasDefaultValue()) {
            return "(none)";
        }
        Object value = option.defaultValue();
        String text =
                value instanceof Duration
                        ? TimeUtils.formatWithHighestUnit((Duration) value)
                        : String.valueOf(value);
        return "`" + text + "`";
    }

    /**
     * Checks that {@code file} holds {@code content} between {@code <!-- options:NAME -->} and
     * {@code <!-- /options:NAME -->}; rewrites it when {@value #UPDATE_PROPERTY} is true.
     *
     * @throws IllegalStateException naming the command that updates the file, when it differs
     */
    public static void verifySection(Path file, String name, String content) {
        String begin = "<!-- options:" + name + " -->\n";
        String end = "<!-- /options:" + name + " -->";
        String text = read(file);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(
                    file + " has no section '" + begin.trim() + "' ... '" + end + "'");
        }
        String current = text.substring(from + begin.length(), to);
        if (current.equals(content)) {
            return;
        }
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(file, text.substring(0, from + begin.length()) + content + text.substring(to));
            return;
        }
        throw new IllegalStateException(
                "The options of '"
                        + name
                        + "' changed but "
                        + file
                        + " was not updated. Run the tests with -D"
                        + UPDATE_PROPERTY
                        + "=true and commit the file. Expected section:\n"
                        + content);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
