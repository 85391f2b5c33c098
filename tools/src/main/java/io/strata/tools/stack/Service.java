package io.strata.tools.stack;

import java.time.Duration;
import java.util.Optional;

/** One process of the local stack. */
public interface Service {

    /** Short name used for logs, PID files and {@code ./strata logs <name>}. */
    String name();

    /** The port users connect to. */
    int port();

    /** What to connect to, e.g. a URL or bootstrap server string. */
    String endpoint();

    /** Starts the process (preparing its data on first start); returns without waiting. */
    void start();

    /** True once the service answers its protocol (not merely once the process exists). */
    boolean isReady();

    /** The process, tracked by its PID file, when it is running. */
    ManagedProcess process();

    /** Stops the service gracefully; true when something was stopped. */
    default boolean stop() {
        return process().stop("TERM", Duration.ofSeconds(30));
    }

    default Optional<ProcessHandle> running() {
        return process().running();
    }
}
