package io.strata.tools.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Flink's own {@code CliFrontend} (the {@code flink} command) against the local cluster. */
public final class FlinkCli {

    private final StackHome home;
    private final FlinkDistribution flink;

    public FlinkCli(StackHome home) {
        this.home = home;
        this.flink = new FlinkDistribution(home);
    }

    /** Runs the CLI in the foreground with the terminal attached; returns its exit code. */
    public int run(List<String> args) {
        List<String> command = command(args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(flink.environment());
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** What a CLI run printed and how it ended. */
    public record Result(int exitCode, String output) {

        private static final Pattern SUBMITTED =
                Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");

        /** The id of the job {@code flink run -d} submitted, if it did. */
        public Optional<String> submittedJobId() {
            Matcher matcher = SUBMITTED.matcher(output);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }
    }

    /** Runs the CLI with its output (stdout and stderr) copied to {@code echo} and kept. */
    public Result runCapturing(List<String> args, PrintStream echo) {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true);
        builder.environment().putAll(flink.environment());
        StringBuilder output = new StringBuilder();
        try {
            Process process = builder.start();
            try (BufferedReader lines =
                    new BufferedReader(
                            new InputStreamReader(
                                    process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    echo.println(line);
                    output.append(line).append('\n');
                }
            }
            return new Result(process.waitFor(), output.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, output.toString());
        }
    }

    List<String> command(List<String> args) {
        var conf = flink.writeConf();
        return new JavaCommand()
                .jvm(JavaCommand.JAVA17_OPENS)
                .jvm(
                        "-Dlog.file=" + home.logFile("flink-client"),
                        "-Dlog4j.configurationFile=file:" + conf.resolve("log4j-cli.properties"))
                .classpath(flink.classpath())
                .main("org.apache.flink.client.cli.CliFrontend", new ArrayList<>(args))
                .build();
    }
}
