package io.strata.silver.reprocess;

import io.strata.common.flink.JobConfig;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/**
 * {@code java -cp silver-conform.jar io.strata.silver.reprocess.QuarantineTool reprocess --config
 * FILE --tenant T [--dry-run]} ({@code ./strata quarantine reprocess --tenant T} calls it): sends
 * the tenant's refused events through Silver again under the configuration now in force and says
 * what it found. Exit codes: 0 done, 1 failed, 2 usage.
 */
public final class QuarantineTool {

    private QuarantineTool() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        boolean dryRun = rest.remove("--dry-run");
        int tenantAt = rest.indexOf("--tenant");
        if (rest.isEmpty()
                || !rest.get(0).equals("reprocess")
                || tenantAt < 0
                || tenantAt + 1 >= rest.size()) {
            err.println(
                    "usage: QuarantineTool reprocess --config FILE --tenant T [--dry-run]"
                            + " [--key value ...]");
            return 2;
        }
        String tenant = rest.get(tenantAt + 1);
        rest.subList(tenantAt, tenantAt + 2).clear();
        rest.remove(0);
        Configuration config = JobConfig.fromArgs(rest.toArray(String[]::new));
        try {
            QuarantineReprocessor.Report report =
                    new QuarantineReprocessor(config).run(tenant, dryRun);
            print(report, dryRun, out);
            return 0;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    static void print(QuarantineReprocessor.Report r, boolean dryRun, PrintStream out) {
        out.printf(
                "Tenant %s, configuration %s in force: %d refused event(s) in silver.quarantine%n",
                r.tenant(), r.configVersion(), total(r.refused()));
        r.refused()
                .forEach(
                        (reason, n) ->
                                out.printf(
                                        "  %-24s %6d refused, %6d %s%n",
                                        reason,
                                        n,
                                        r.sent().getOrDefault(reason, 0L),
                                        dryRun ? "would be sent again" : "sent again"));
        out.printf(
                "Left alone: %d the record's own fault, %d refused under this configuration"
                        + " already, %d sent for it before, %d not found in Bronze%n",
                r.notFixable(),
                r.refusedUnderCurrentConfig(),
                r.alreadySent(),
                r.missingInBronze());
        out.printf(
                "%s %d event(s) to silver-conform%n",
                dryRun ? "Would send" : "Sent", r.sentTotal());
    }

    private static long total(Map<?, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
