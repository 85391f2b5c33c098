package io.strata.tools.commands;

import io.strata.tools.stack.StackHome;
import io.strata.tools.stack.StackOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./strata tenants validate|publish|remove}: tenant configurations checked with
 * silver-conform's own rules (its jar's {@code TenantsTool}, so the CLI never disagrees with the
 * job), their {@code quality:} sections with quality-async's ({@code QualityRulesTool}), and
 * published to the compacted topic the running job reads.
 */
@Command(
        name = "tenants",
        description =
                "Validate tenant configurations (schemas/tenants by default) with located"
                        + " messages, publish valid ones to the config.tenants topic of the local"
                        + " stack (the running silver-conform picks them up), or remove a tenant.")
public final class TenantsCommand implements Callable<Integer> {

    private static final String TOOL = "io.strata.silver.tenants.TenantsTool";
    private static final String QUALITY_TOOL = "io.strata.quality.rules.QualityRulesTool";

    @Parameters(index = "0", description = "validate, publish or remove.")
    private String action;

    @Parameters(
            index = "1..*",
            arity = "0..*",
            description = "Files or directories (default schemas/tenants); tenants for remove.")
    private List<String> targets = new ArrayList<>();

    @Option(names = "--topic", description = "Configuration topic (default config.tenants).")
    private String topic = "config.tenants";

    @Option(names = "--bootstrap-servers", description = "Kafka (default: the local stack's).")
    private String bootstrapServers;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!List.of("validate", "publish", "remove").contains(action)) {
            System.err.println("Unknown action '" + action + "'; use validate, publish or remove");
            return 2;
        }
        StackHome home = StackHome.fromEnvironment();
        List<String> args = new ArrayList<>(List.of(action));
        if (!action.equals("validate")) {
            args.addAll(List.of("--bootstrap-servers", bootstrap(home), "--topic", topic));
        }
        if (targets.isEmpty() && !action.equals("remove")) {
            args.add(home.repo().resolve("schemas/tenants").toString());
        }
        args.addAll(targets);
        int silver = JobJarTool.run(home, "silver-conform", false, TOOL, args);
        if (!action.equals("validate")) {
            return silver;
        }
        // The quality: sections are quality-async's: checked by its own reader too.
        List<String> files =
                targets.isEmpty()
                        ? List.of(home.repo().resolve("schemas/tenants").toString())
                        : targets;
        return Math.max(silver, JobJarTool.run(home, "quality-async", true, QUALITY_TOOL, files));
    }

    private String bootstrap(StackHome home) {
        return bootstrapServers != null
                ? bootstrapServers
                : "localhost:" + home.get(StackOptions.KAFKA_PORT);
    }
}
