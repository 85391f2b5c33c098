package io.strata.tools.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

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
