package io.strata.tools.commands;

import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.Service;
import io.strata.tools.stack.StackHome;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./strata logs [service]}: the tail of one or every service's log. */
@Command(name = "logs", description = "Print the tail of a service's log (all services if none).")
public final class LogsCommand implements Callable<Integer> {

    @Parameters(
            arity = "0..1",
            description = "postgres, kafka, registry, flink-jobmanager or flink-taskmanager")
    private String service;

    @Option(
            names = {"-n", "--lines"},
            defaultValue = "40",
            description = "Lines to print (default ${DEFAULT-VALUE}).")
    private int lines;

    @Override
    public Integer call() {
        LocalStack stack = new LocalStack(StackHome.fromEnvironment());
        List<Service> selected = stack.services();
        if (service != null) {
            Optional<Service> one = stack.service(service);
            if (one.isEmpty()) {
                System.err.println("Unknown service '" + service + "'.");
                return 2;
            }
            selected = List.of(one.get());
        }
        for (Service s : selected) {
            stack.printTail(System.out, s, lines);
        }
        return 0;
    }
}
