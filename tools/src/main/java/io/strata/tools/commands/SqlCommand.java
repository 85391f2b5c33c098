package io.strata.tools.commands;

import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.FlinkSqlClient;
import io.strata.tools.stack.StackHome;
import io.strata.tools.stack.StackOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./strata sql ...}: Flink's SQL client on the local cluster, set up for analysts. */
@Command(
        name = "sql",
        description =
                "Open the Flink SQL client against the local cluster with the Iceberg catalog"
                        + " `strata` and the Kafka tables of flink-conf/sql-client-init.sql;"
                        + " `sql -f FILE` runs a script and exits 1 if a statement fails.")
public final class SqlCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", description = "Arguments passed to Flink's SQL client.")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        StackHome home = StackHome.fromEnvironment();
        // Every query is a job on the cluster: without it the client opens but cannot answer.
        if (!new FlinkRest(home).reachable()) {
            System.err.printf(
                    "The local Flink cluster does not answer on port %d: start it with"
                            + " ./strata up%n",
                    home.get(StackOptions.FLINK_REST_PORT));
            return 1;
        }
        return new FlinkSqlClient(home).run(args);
    }
}
