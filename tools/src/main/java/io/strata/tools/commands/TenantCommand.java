package io.strata.tools.commands;

import io.strata.common.config.StrataOptions;
import io.strata.common.control.TenantControl;
import io.strata.common.control.TenantControlTopic;
import io.strata.common.control.TenantState;
import io.strata.tools.stack.StackHome;
import io.strata.tools.stack.StackOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./strata tenant pause|resume|status}: publishes a tenant's control to the compacted
 * control topic that bronze-ingest and silver-conform read (they hold a paused tenant's records and
 * release them in order on resume), or shows the state in force per tenant.
 */
@Command(
        name = "tenant",
        description =
                "Pause or resume a tenant (bronze-ingest and silver-conform hold its records in"
                        + " state and release them in order on resume), or show each tenant's"
                        + " state, via the control.tenants topic of the local stack.")
public final class TenantCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "pause, resume or status.")
    private String action;

    @Parameters(
            index = "1..*",
            arity = "0..*",
            description = "Tenant ids (status: all tenants when none).")
    private List<String> tenants = new ArrayList<>();

    @Option(names = "--reason", description = "Why, recorded with the request.")
    private String reason;

    @Option(names = "--by", description = "Who asks (default: the user name).")
    private String requestedBy = System.getProperty("user.name");

    @Option(names = "--topic", description = "Control topic (default control.tenants).")
    private String topic = StrataOptions.CONTROL_TENANTS_TOPIC.defaultValue();

    @Option(names = "--bootstrap-servers", description = "Kafka (default: the local stack's).")
    private String bootstrapServers;

    @Override
    public Integer call() {
        if (!List.of("pause", "resume", "status").contains(action)) {
            System.err.println("Unknown action '" + action + "'; use pause, resume or status");
            return 2;
        }
        if (!action.equals("status") && tenants.isEmpty()) {
            System.err.println("Name the tenant(s) to " + action);
            return 2;
        }
        Configuration config = new Configuration();
        config.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, bootstrap());
        config.set(StrataOptions.CONTROL_TENANTS_TOPIC, topic);
        if (action.equals("status")) {
            System.out.print(status(TenantControlTopic.current(config), tenants));
            return 0;
        }
        TenantState state = action.equals("pause") ? TenantState.PAUSED : TenantState.ACTIVE;
        for (String tenant : tenants) {
            TenantControl control =
                    new TenantControl(tenant, state, Instant.now(), requestedBy, reason);
            TenantControlTopic.publish(config, control);
            System.out.println("published to " + topic + ": " + control);
        }
        return 0;
    }

    /** One line per tenant: its state, since when, by whom, why; ACTIVE when never controlled. */
    static String status(Map<String, TenantControl> controls, List<String> tenants) {
        StringBuilder out =
                new StringBuilder(
                        String.format("%-20s %-7s %-24s %s%n", "TENANT", "STATE", "SINCE", "BY"));
        List<String> shown = tenants.isEmpty() ? List.copyOf(controls.keySet()) : tenants;
        for (String tenant : shown) {
            TenantControl c = controls.get(tenant);
            out.append(
                    c == null
                            ? String.format("%-20s %-7s %-24s %s%n", tenant, "ACTIVE", "-", "-")
                            : String.format(
                                    "%-20s %-7s %-24s %s%n",
                                    tenant,
                                    c.state,
                                    Instant.ofEpochMilli(c.requestedAt),
                                    (c.requestedBy == null ? "-" : c.requestedBy)
                                            + (c.reason == null ? "" : " (" + c.reason + ")")));
        }
        return out.toString();
    }

    private String bootstrap() {
        return bootstrapServers != null
                ? bootstrapServers
                : "localhost:" + StackHome.fromEnvironment().get(StackOptions.KAFKA_PORT);
    }
}
