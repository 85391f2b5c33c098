package io.strata.tools.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.tools.stack.StackHome;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./strata ARGS} as the script runs it, on a test's stack: the tools' classes and libraries
 * in a process of its own, the stack's state directory as {@code STRATA_HOME} (its settings are in
 * {@code stack.properties} there).
 */
public final class StrataCommand {

    private StrataCommand() {}

    /** What a run printed, and its exit code. */
    public record Result(int exitCode, String output) {

        /** A line of the upgrade report, {@code " savepoint file:/..."}: its first word. */
        public String field(String name) {
            Matcher m =
                    Pattern.compile("(?m)^  " + Pattern.quote(name) + " +(\\S+)").matcher(output);
            assertThat(m.find()).as(name + " in the report:\n" + output).isTrue();
            return m.group(1);
        }
    }

    /**
     * {@code ./strata upgrade JOB JAR -- --strata.checkpoint.interval 2s JOB_ARGUMENTS}: the job's
     * checkpoints as frequent as the tests submit it with.
     */
    public static Result upgrade(StackHome home, String job, Path jar, List<String> jobArguments) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "upgrade",
                                job,
                                jar.toString(),
                                "--",
                                "--strata.checkpoint.interval",
                                "2s"));
        args.addAll(jobArguments);
        return run(home, args);
    }

    /** Runs {@code ./strata args} and waits for it; prints what it printed. */
    public static Result run(StackHome home, List<String> args) {
        Path tools = home.repo().resolve("tools/target");
        List<String> command =
                new ArrayList<>(
                        List.of(
                                ProcessHandle.current().info().command().orElse("java"),
                                "-Xmx512m",
                                "-Dstrata.repo=" + home.repo(),
                                "-cp",
                                tools.resolve("classes")
                                        + File.pathSeparator
                                        + tools.resolve("lib/*"),
                                "io.strata.tools.StrataCli"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("STRATA_HOME", home.home().toString());
        try {
            Process process = builder.start();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println("./strata " + String.join(" ", args) + "\n" + output);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
