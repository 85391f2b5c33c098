package io.strata.tools.stack;

import java.nio.file.Path;

/** What every service of the stack has: its state directory, name and tracked process. */
abstract class ManagedService implements Service {

    protected final StackHome home;
    private final String name;
    private final ManagedProcess process;

    /**
     * A JVM service, recognised by its {@code -Dstrata.service} marker, logging to its log file.
     */
    ManagedService(StackHome home, String name) {
        this(home, name, JavaCommand.markerOf(name, home), home.logFile(name));
    }

    ManagedService(StackHome home, String name, String marker, Path output) {
        this.home = home;
        this.name = name;
        this.process = new ManagedProcess(name, home.pidFile(name), output, marker);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ManagedProcess process() {
        return process;
    }
}
