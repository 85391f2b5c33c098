package io.strata.tools.upgrade;

import java.util.ArrayList;
import java.util.List;

/** Flink's reason in a stack trace it reports: the deepest cause, class and message. */
final class FlinkFailure {

    private FlinkFailure() {}

    /**
     * The last {@code Caused by:} of {@code trace} (the first line when there is none), its message
     * lines joined: Flink wraps a restore failure in several layers ("Could not start the
     * JobMaster", "Exception while creating StreamOperatorStateContext") around the one that says
     * what is wrong.
     */
    static String reason(String trace) {
        List<StringBuilder> causes = new ArrayList<>();
        StringBuilder current = null;
        for (String line : trace.lines().toList()) {
            if (line.startsWith("\t") || line.startsWith(" ") || line.isBlank()) {
                current = null; // a frame, "... n more", "Suppressed:": the message has ended
            } else if (line.startsWith("Caused by: ")) {
                current = new StringBuilder(line.substring("Caused by: ".length()));
                causes.add(current);
            } else if (causes.isEmpty()) {
                current = new StringBuilder(line);
                causes.add(current);
            } else if (current != null) {
                current.append(' ').append(line.strip());
            }
        }
        return causes.isEmpty() ? trace.strip() : causes.get(causes.size() - 1).toString();
    }
}
