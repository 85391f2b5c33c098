package io.strata.quality.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.quality.rules.TenantRules.Duplicates;
import io.strata.quality.rules.TenantRules.Identity;
import io.strata.quality.rules.TenantRules.NullRate;
import io.strata.quality.rules.TenantRules.Outliers;
import io.strata.quality.rules.TenantRules.Profiles;
import io.strata.quality.rules.TenantRules.ReferentialIntegrity;
import io.strata.quality.rules.TenantRules.Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.util.TimeUtils;

/**
 * Binds one tenant's {@code quality:} section over the defaults: every key optional, unknown keys,
 * wrong kinds and out-of-range values reported with the line of their key.
 */
final class SectionReader {

    static final String QUALITY = "quality";
    private static final Set<String> TOP =
            Set.of(
                    "window",
                    "history",
                    "min_history",
                    "referential_integrity",
                    "null_rate",
                    "volume",
                    "order_total_outliers",
                    "duplicate_customers");

    private final String source;
    private final String tenant;
    private final Map<String, Integer> lines;
    private final List<String> errors;

    SectionReader(String source, String tenant, Map<String, Integer> lines, List<String> errors) {
        this.source = source;
        this.tenant = tenant;
        this.lines = lines;
        this.errors = errors;
    }

    TenantRules read(JsonNode section, TenantRules d) {
        if (!mapping(section, QUALITY, TOP)) {
            return d;
        }
        Profiles p = d.profiles();
        Profiles profiles =
                new Profiles(
                        duration(section, QUALITY + ".window", p.window()),
                        atLeast(
                                integer(section, QUALITY + ".history", p.history()),
                                1,
                                QUALITY + ".history"),
                        atLeast(
                                integer(section, QUALITY + ".min_history", p.minHistory()),
                                1,
                                QUALITY + ".min_history"));
        if (profiles.minHistory() > profiles.history()) {
            error(QUALITY + ".min_history", "is more than history (" + profiles.history() + ")");
        }
        return new TenantRules(
                profiles,
                referentialIntegrity(section, d.referentialIntegrity()),
                nullRate(section, d.nullRate()),
                volume(section, d.volume()),
                outliers(section, d.outliers()),
                duplicates(section, d.duplicates()));
    }

    private ReferentialIntegrity referentialIntegrity(JsonNode q, ReferentialIntegrity d) {
        String at = QUALITY + ".referential_integrity";
        JsonNode n = q.get("referential_integrity");
        if (n == null || !mapping(n, at, Set.of("enabled", "wait"))) {
            return d;
        }
        return new ReferentialIntegrity(
                bool(n, at + ".enabled", d.enabled()), duration(n, at + ".wait", d.customerWait()));
    }

    private NullRate nullRate(JsonNode q, NullRate d) {
        String at = QUALITY + ".null_rate";
        JsonNode n = q.get("null_rate");
        if (n == null || !mapping(n, at, Set.of("enabled", "min_rows", "max_increase"))) {
            return d;
        }
        long minRows =
                atLeast(integer(n, at + ".min_rows", (int) d.minRows()), 1, at + ".min_rows");
        double maxIncrease = number(n, at + ".max_increase", d.maxIncrease());
        if (maxIncrease <= 0 || maxIncrease > 1) {
            error(at + ".max_increase", "must be more than 0 and at most 1, got " + maxIncrease);
        }
        return new NullRate(bool(n, at + ".enabled", d.enabled()), minRows, maxIncrease);
    }

    private Volume volume(JsonNode q, Volume d) {
        String at = QUALITY + ".volume";
        JsonNode n = q.get("volume");
        if (n == null || !mapping(n, at, Set.of("enabled", "min_rows", "k", "max_ratio"))) {
            return d;
        }
        long minRows =
                atLeast(integer(n, at + ".min_rows", (int) d.minRows()), 1, at + ".min_rows");
        double k = number(n, at + ".k", d.k());
        if (k <= 0) {
            error(at + ".k", "must be positive, got " + k);
        }
        double ratio = number(n, at + ".max_ratio", d.maxRatio());
        if (ratio <= 1) {
            error(at + ".max_ratio", "must be more than 1, got " + ratio);
        }
        return new Volume(bool(n, at + ".enabled", d.enabled()), minRows, k, ratio);
    }

    private Outliers outliers(JsonNode q, Outliers d) {
        String at = QUALITY + ".order_total_outliers";
        JsonNode n = q.get("order_total_outliers");
        if (n == null || !mapping(n, at, Set.of("enabled", "sample", "min_sample", "max_z"))) {
            return d;
        }
        int sample = atLeast(integer(n, at + ".sample", d.sample()), 3, at + ".sample");
        int minSample =
                atLeast(integer(n, at + ".min_sample", d.minSample()), 3, at + ".min_sample");
        if (minSample > sample) {
            error(at + ".min_sample", "is more than sample (" + sample + ")");
        }
        double maxZ = number(n, at + ".max_z", d.maxZ());
        if (maxZ <= 0) {
            error(at + ".max_z", "must be positive, got " + maxZ);
        }
        return new Outliers(bool(n, at + ".enabled", d.enabled()), sample, minSample, maxZ);
    }

    private Duplicates duplicates(JsonNode q, Duplicates d) {
        String at = QUALITY + ".duplicate_customers";
        JsonNode n = q.get("duplicate_customers");
        if (n == null || !mapping(n, at, Set.of("enabled", "match"))) {
            return d;
        }
        Set<Identity> match = d.match();
        JsonNode m = n.get("match");
        if (m != null) {
            match = EnumSet.noneOf(Identity.class);
            if (!m.isArray() || m.isEmpty()) {
                error(at + ".match", "must be a non-empty list of email, name");
            } else {
                for (JsonNode item : m) {
                    Identity identity = identity(item.asText());
                    if (!item.isTextual() || identity == null) {
                        error(
                                at + ".match",
                                "unknown identity '" + item.asText() + "', expected email or name");
                    } else {
                        match.add(identity);
                    }
                }
            }
        }
        return new Duplicates(bool(n, at + ".enabled", d.enabled()), match);
    }

    private static Identity identity(String name) {
        for (Identity i : Identity.values()) {
            if (i.name().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return null;
    }

    /** Whether {@code n} is a mapping; reports its unknown keys. */
    private boolean mapping(JsonNode n, String at, Set<String> known) {
        if (!n.isObject()) {
            error(at, "must be a mapping");
            return false;
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                unknown.add(key);
            }
        }
        for (String key : unknown) {
            error(at + "." + key, "unknown key, expected one of " + new TreeSet<>(known));
        }
        return true;
    }

    private Duration duration(JsonNode parent, String at, Duration otherwise) {
        JsonNode n = parent.get(leaf(at));
        if (n == null) {
            return otherwise;
        }
        try {
            Duration d = TimeUtils.parseDuration(n.asText());
            if (d.isZero() || d.isNegative() || !n.isValueNode()) {
                error(at, "must be a positive duration, got '" + n.asText() + "'");
                return otherwise;
            }
            return d;
        } catch (IllegalArgumentException e) {
            error(at, "is no duration (e.g. 10 min, 1 h): '" + n.asText() + "'");
            return otherwise;
        }
    }

    private int integer(JsonNode parent, String at, int otherwise) {
        JsonNode n = parent.get(leaf(at));
        if (n == null) {
            return otherwise;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            error(at, "must be an integer, got '" + n.asText() + "'");
            return otherwise;
        }
        return n.intValue();
    }

    private double number(JsonNode parent, String at, double otherwise) {
        JsonNode n = parent.get(leaf(at));
        if (n == null) {
            return otherwise;
        }
        if (!n.isNumber()) {
            error(at, "must be a number, got '" + n.asText() + "'");
            return otherwise;
        }
        return n.doubleValue();
    }

    private boolean bool(JsonNode parent, String at, boolean otherwise) {
        JsonNode n = parent.get(leaf(at));
        if (n == null) {
            return otherwise;
        }
        if (!n.isBoolean()) {
            error(at, "must be true or false, got '" + n.asText() + "'");
            return otherwise;
        }
        return n.booleanValue();
    }

    private int atLeast(int value, int min, String at) {
        if (value < min) {
            error(at, "must be at least " + min + ", got " + value);
        }
        return value;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private void error(String path, String message) {
        Integer line = lines.get(path);
        errors.add(
                source
                        + ":"
                        + (line == null ? lines.getOrDefault(QUALITY, 1) : line)
                        + ": tenant "
                        + tenant
                        + ": "
                        + path
                        + ": "
                        + message);
    }
}
