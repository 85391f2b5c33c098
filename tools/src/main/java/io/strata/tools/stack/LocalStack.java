package io.strata.tools.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The embedded local stack: starts, stops and reports its services in dependency order. */
public final class LocalStack {

    private final StackHome home;
    private final PostgresService postgres;
    private final List<Service> services;

    public LocalStack(StackHome home) {
        this.home = home;
        this.postgres = new PostgresService(home);
        this.services =
                List.of(
                        postgres,
                        new KafkaService(home),
                        new RegistryService(home),
                        FlinkService.jobManager(home),
                        FlinkService.taskManager(home));
    }

    public StackHome home() {
        return home;
    }

    public List<Service> services() {
        return services;
    }

    public Optional<Service> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public PostgresService postgres() {
        return postgres;
    }

    /**
     * Starts every service that is not running and waits until each answers. Returns false (after
     * printing the failing service's log tail) as soon as one cannot start, since later services
     * depend on earlier ones.
     */
    public boolean up(PrintStream out) {
        return up(out, services);
    }

    /** Starts the given services, in the stack's order. */
    public boolean up(PrintStream out, List<Service> selected) {
        new JobsConfig(home).write();
        for (Service service : services) {
            if (!selected.contains(service)) {
                continue;
            }
            long started = System.nanoTime();
            if (service.running().isPresent() && service.isReady()) {
                out.printf("  %-18s already running (%s)%n", service.name(), service.endpoint());
                continue;
            }
            out.printf("  %-18s starting ...", service.name());
            out.flush();
            try {
                service.start();
            } catch (RuntimeException e) {
                out.printf(" FAILED: %s%n", e.getMessage());
                printTail(out, service, 30);
                return false;
            }
            if (!awaitReady(service)) {
                out.printf(" FAILED (not ready)%n");
                printTail(out, service, 30);
                return false;
            }
            if (service == postgres) {
                postgres.ensurePlatformSchema(home.get(StackOptions.POSTGRES_DATABASE));
            }
            out.printf(
                    " up in %.1f s (%s)%n",
                    (System.nanoTime() - started) / 1e9, service.endpoint());
        }
        return true;
    }

    /**
     * Waits until {@code service} is ready; false once the start timeout passes or its process has
     * been gone for a second (not at once: until the launcher has exec'd the service, /proc shows
     * the launcher's command line, which is not the service's).
     */
    private boolean awaitReady(Service service) {
        long deadline = System.nanoTime() + home.get(StackOptions.START_TIMEOUT).toNanos();
        Long goneSince = null;
        while (System.nanoTime() < deadline) {
            if (service.isReady()) {
                return true;
            }
            if (service.running().isPresent()) {
                goneSince = null;
            } else if (goneSince == null) {
                goneSince = System.nanoTime();
            } else if (System.nanoTime() - goneSince > Duration.ofSeconds(1).toNanos()) {
                return false;
            }
            sleep(Duration.ofMillis(250));
        }
        return false;
    }

    /** Stops the stack's own processes, last started first. */
    public void down(PrintStream out) {
        List<Service> reversed = new ArrayList<>(services);
        java.util.Collections.reverse(reversed);
        for (Service service : reversed) {
            boolean stopped = service.stop();
            out.printf("  %-18s %s%n", service.name(), stopped ? "stopped" : "not running");
        }
    }

    /** One line per service: state, port, PID, endpoint. */
    public void status(PrintStream out) {
        out.printf("  %-18s %-6s %-7s %-8s %s%n", "SERVICE", "STATE", "PORT", "PID", "ENDPOINT");
        for (Service service : services) {
            Optional<ProcessHandle> process = service.running();
            String state = process.isEmpty() ? "down" : service.isReady() ? "up" : "start?";
            out.printf(
                    "  %-18s %-6s %-7d %-8s %s%n",
                    service.name(),
                    state,
                    service.port(),
                    process.map(p -> Long.toString(p.pid())).orElse("-"),
                    service.endpoint());
        }
    }

    /** The log file a user wants to read for a service (Flink's own log, not its stdout). */
    public Path logOf(Service service) {
        Path log = home.logFile(service.name());
        return Files.exists(log) ? log : service.process().logFile();
    }

    public void printTail(PrintStream out, Service service, int lines) {
        Path log = logOf(service);
        out.println("  --- last " + lines + " lines of " + log + " ---");
        for (String line : tail(log, lines)) {
            out.println("  | " + line);
        }
    }

    static List<String> tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return List.of("(no log yet)");
        }
        try (var stream = Files.lines(file, java.nio.charset.StandardCharsets.UTF_8)) {
            List<String> all = stream.toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(cannot read log: " + e.getMessage() + ")");
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
