package io.strata.tools.bench;

import io.strata.workload.oracle.SilverEntity;
import io.strata.workload.oracle.SilverVersion;
import io.strata.workload.oracle.gold.FeatureRow;
import io.strata.workload.oracle.gold.GoldOracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Why Gold's feature history settled before the oracle's newest released row: which expected rows
 * are missing, and whether they lie beyond the watermark of the input whose newest event is oldest.
 */
final class GoldShortfall {

    private GoldShortfall() {}

    static String explain(List<SilverVersion> versions, Duration outOfOrderness, Table history) {
        Set<String> gold = keys(history);
        Map<SilverEntity, Instant> newest = new EnumMap<>(SilverEntity.class);
        for (SilverVersion v : versions) {
            if (ChainThroughput.FEATURE_INPUTS.contains(v.entity())) {
                newest.merge(v.entity(), v.eventTime(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (newest.isEmpty()) {
            return "no feature input";
        }
        Instant lowest = newest.values().stream().min(Instant::compareTo).orElseThrow();
        Instant released = lowest.minus(outOfOrderness).minusMillis(1);
        Instant lowestReleased = lowest.minus(outOfOrderness).minusMillis(1);
        long missing = 0;
        long missingAfterLowest = 0;
        Instant firstMissing = null;
        Map<String, Long> byTenant = new java.util.TreeMap<>();
        Set<String> customers = new HashSet<>();
        for (FeatureRow r : GoldOracle.of(versions).featureHistory()) {
            if (r.validFrom().isAfter(released)
                    || gold.contains(key(r.tenantId(), r.customerKey(), r.validFrom()))) {
                continue;
            }
            missing++;
            byTenant.merge(r.tenantId(), 1L, Long::sum);
            customers.add(r.tenantId() + "|" + r.customerKey());
            if (r.validFrom().isAfter(lowestReleased)) {
                missingAfterLowest++;
            }
            firstMissing =
                    firstMissing == null || r.validFrom().isBefore(firstMissing)
                            ? r.validFrom()
                            : firstMissing;
        }
        return String.format(
                Locale.ROOT,
                "%,d expected rows missing, %,d of them after %s (the newest event of the"
                        + " input with the oldest newest event, minus the out-of-orderness), the"
                        + " earliest missing at %s; by tenant %s, %,d customers; newest event"
                        + " per input %s",
                missing,
                missingAfterLowest,
                lowestReleased,
                firstMissing,
                byTenant,
                customers.size(),
                newest);
    }

    private static Set<String> keys(Table history) {
        Set<String> keys = new HashSet<>();
        try (CloseableIterable<Record> rows =
                IcebergGenerics.read(history)
                        .select("tenant_id", "customer_key", "valid_from")
                        .build()) {
            for (Record r : rows) {
                Instant t = GoldHistory.instant(r.getField("valid_from"));
                keys.add(key(r.getField("tenant_id"), r.getField("customer_key"), t));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + history.name(), e);
        }
        return keys;
    }

    private static String key(Object tenant, Object customer, Instant t) {
        return tenant + "|" + customer + "|" + t.toEpochMilli();
    }
}
