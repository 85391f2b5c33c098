package io.strata.tools.commands;

import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.Service;
import io.strata.tools.stack.StackHome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./strata up}: starts the local stack (starting twice is harmless). */
@Command(
        name = "up",
        description = "Start Postgres, Kafka, the schema registry and a Flink session cluster.")
public final class UpCommand implements Callable<Integer> {

    @Parameters(
            arity = "0..*",
            description = "Start only these services (default: all, in dependency order).")
    private List<String> only = new ArrayList<>();

    @Override
    public Integer call() {
        LocalStack stack = new LocalStack(StackHome.fromEnvironment());
        System.out.println("Starting the local stack in " + stack.home().home());
        long started = System.nanoTime();
        List<Service> selected = new ArrayList<>();
        for (String name : only) {
            selected.add(
                    stack.service(name)
                            .orElseThrow(
                                    () -> new IllegalArgumentException("Unknown service " + name)));
        }
        boolean ok = stack.up(System.out, selected.isEmpty() ? stack.services() : selected);
        if (ok) {
            System.out.printf(
                    "Stack up in %.1f s. Flink web UI: http://localhost:%d%n",
                    (System.nanoTime() - started) / 1e9,
                    stack.home().get(io.strata.tools.stack.StackOptions.FLINK_REST_PORT));
        }
        return ok ? 0 : 1;
    }
}
