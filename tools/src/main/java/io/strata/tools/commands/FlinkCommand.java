package io.strata.tools.commands;

import io.strata.tools.stack.FlinkCli;
import io.strata.tools.stack.StackHome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./strata flink ...}: the real Flink CLI against the local session cluster. */
@Command(
        name = "flink",
        description =
                "Run the Flink CLI against the local cluster, e.g. `flink run -d JAR`, `flink list`,"
                        + " `flink stop --savepointPath DIR JOBID`, `flink cancel JOBID`.")
public final class FlinkCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", description = "Arguments passed to Flink's CliFrontend.")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return new FlinkCli(StackHome.fromEnvironment()).run(args);
    }
}
