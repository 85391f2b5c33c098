package io.strata.tools.commands;

import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.StackHome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./strata down}: stops only the processes the stack started. */
@Command(name = "down", description = "Stop the local stack's processes (data is kept).")
public final class DownCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        LocalStack stack = new LocalStack(StackHome.fromEnvironment());
        System.out.println("Stopping the local stack in " + stack.home().home());
        stack.down(System.out);
        return 0;
    }
}
