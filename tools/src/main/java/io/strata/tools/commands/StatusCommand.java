package io.strata.tools.commands;

import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.ReplicationSlots;
import io.strata.tools.stack.StackHome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./strata status}: each service, the replication slots (CDC) and the Flink jobs. */
@Command(
        name = "status",
        description =
                "Show each service (state, port, PID), the replication slots (CDC) and the Flink"
                        + " jobs.")
public final class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        LocalStack stack = new LocalStack(StackHome.fromEnvironment());
        System.out.println("Local stack in " + stack.home().home());
        stack.status(System.out);
        if (stack.postgres().running().isPresent()) {
            new ReplicationSlots(stack.postgres()).print(System.out);
        }
        FlinkRest flink = new FlinkRest(stack.home());
        if (flink.reachable()) {
            System.out.println();
            flink.printJobs(System.out);
        }
        return 0;
    }
}
