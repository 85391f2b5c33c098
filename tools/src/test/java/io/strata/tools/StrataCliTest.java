package io.strata.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code ./strata} prints and returns when a command refuses a setting. */
class StrataCliTest {

    @Test
    void aRefusedSettingIsOneLineAndTheUsageExitCodeBeforeAnythingStarts() {
        CommandLine cli = StrataCli.commandLine();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("bench", "--runs", "1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo(
                        "strata bench: --runs must be at least 2 (the first round only warms up),"
                                + " was 1");
        assertThat(out.toString()).isEmpty();
    }
}
