package io.strata.common.flink;

import java.util.regex.Pattern;
import org.apache.flink.util.Preconditions;

/**
 * The one place operator uids are made: {@code <job>-<operator>}, kebab-case. A uid names the state
 * in every savepoint, so it never changes once released; names are for people.
 */
public final class Uids {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final String job;

    private Uids(String job) {
        this.job = checkKebab(job, "job");
    }

    /** The uid factory of one job, e.g. {@code Uids.forJob("bronze-ingest")}. */
    public static Uids forJob(String job) {
        return new Uids(job);
    }

    /** {@code <job>-<operator>}, e.g. {@code bronze-ingest-dedupe}. */
    public String of(String operator) {
        return job + "-" + checkKebab(operator, "operator");
    }

    public String job() {
        return job;
    }

    private static String checkKebab(String value, String what) {
        Preconditions.checkArgument(
                value != null && KEBAB.matcher(value).matches(),
                "The %s part of a uid must be kebab-case (a-z, 0-9, '-'), got '%s'",
                what,
                value);
        return value;
    }
}
