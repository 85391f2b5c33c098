package io.strata.workload;

import static io.strata.workload.WorkloadOptions.*;

import io.strata.workload.truth.MasterDataSpec;
import io.strata.workload.truth.Tenants;
import io.strata.workload.truth.TruthSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable, validated settings of one workload: everything that decides its bytes. Built with
 * {@link #builder()} or from {@code --key=value} flags; unset options take their defaults from
 * {@link WorkloadOptions}.
 */
public final class WorkloadParams {

    private final Map<WorkloadOption<?>, Object> values;

    private WorkloadParams(Map<WorkloadOption<?>, Object> values) {
        this.values = Map.copyOf(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static WorkloadParams defaults() {
        return builder().build();
    }

    /** Reads {@code key -> text} pairs (CLI flags without the dashes); unknown keys fail. */
    public static WorkloadParams fromMap(Map<String, String> settings) {
        Builder b = builder();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            WorkloadOption<?> option =
                    WorkloadOptions.ALL.stream()
                            .filter(o -> o.key().equals(e.getKey()))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "Unknown workload option --" + e.getKey()));
            b.values.put(option, option.parse(e.getValue()));
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    public <T> T get(WorkloadOption<T> option) {
        return (T) values.getOrDefault(option, option.defaultValue());
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        return b;
    }

    public long seed() {
        return get(SEED);
    }

    public long events() {
        return get(EVENTS);
    }

    public Instant startTime() {
        return get(START_TIME);
    }

    public Duration allowedLateness() {
        return get(ALLOWED_LATENESS);
    }

    public int maxRecordBytes() {
        return get(MAX_RECORD_BYTES);
    }

    public String topic() {
        return get(TOPIC);
    }

    /** The truth generator's view of these settings. */
    public TruthSpec truthSpec() {
        long start = startTime().toEpochMilli();
        long interval = get(ARRIVAL_INTERVAL).toMillis();
        MasterDataSpec master =
                new MasterDataSpec(
                        get(CUSTOMERS),
                        get(PRODUCTS),
                        get(ZIPF_EXPONENT),
                        start,
                        TruthSpec.estimatedSpan(events(), interval),
                        get(CUSTOMER_CHANGE_RATE),
                        get(PRODUCT_CHANGE_RATE));
        return new TruthSpec(
                seed(), events(), start, interval, get(FLOW_TIME_SCALE), Tenants.ALL, master);
    }

    /** Every option with its effective value, in declaration order (for logs and reports). */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        WorkloadOptions.ALL.forEach(o -> out.put(o.key(), get(o)));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkloadParams other && other.describe().equals(describe());
    }

    @Override
    public int hashCode() {
        return describe().hashCode();
    }

    @Override
    public String toString() {
        return "WorkloadParams" + describe();
    }

    /** Collects settings; {@link #build()} checks them. */
    public static final class Builder {

        private final Map<WorkloadOption<?>, Object> values = new HashMap<>();

        public <T> Builder set(WorkloadOption<T> option, T value) {
            values.put(option, option.type().cast(value));
            return this;
        }

        public Builder seed(long seed) {
            return set(SEED, seed);
        }

        public Builder events(long events) {
            return set(EVENTS, events);
        }

        /** Turns every kind of disorder and damage off: a clean, ordered stream. */
        public Builder clean() {
            return set(DUPLICATE_RATE, 0.0)
                    .set(OUT_OF_ORDER_RATE, 0.0)
                    .set(LATE_RATE, 0.0)
                    .set(MALFORMED_RATE, 0.0);
        }

        public WorkloadParams build() {
            WorkloadParams p = new WorkloadParams(values);
            check(p.events() >= 0, "events must be >= 0, got " + p.events());
            check(p.get(RATE) >= 0, "rate must be >= 0 (0 = unthrottled)");
            check(p.get(CUSTOMERS) >= 1, "customers-per-tenant must be >= 1");
            check(p.get(PRODUCTS) >= 1, "products-per-tenant must be >= 1");
            check(p.get(ZIPF_EXPONENT) >= 0, "zipf-exponent must be >= 0");
            check(p.get(FLOW_TIME_SCALE) > 0, "flow-time-scale must be > 0");
            check(p.get(ARRIVAL_INTERVAL).toMillis() >= 1, "arrival-interval must be >= 1ms");
            for (WorkloadOption<Double> rate :
                    List.of(
                            DUPLICATE_RATE,
                            EXACT_DUPLICATE_SHARE,
                            OUT_OF_ORDER_RATE,
                            LATE_RATE,
                            MALFORMED_RATE)) {
                double v = p.get(rate);
                check(v >= 0 && v <= 1, rate.key() + " must be within [0, 1], got " + v);
            }
            check(
                    p.get(OUT_OF_ORDER_RATE) + p.get(LATE_RATE) <= 1,
                    "out-of-order-rate + late-rate must not exceed 1");
            check(
                    p.get(MAX_OUT_OF_ORDERNESS).multipliedBy(2).compareTo(p.allowedLateness()) <= 0,
                    "max-out-of-orderness must be at most half of allowed-lateness, so that"
                            + " out-of-order records are never late");
            check(
                    !p.get(MAX_OUT_OF_ORDERNESS).isNegative()
                            && !p.get(MAX_OUT_OF_ORDERNESS).isZero(),
                    "max-out-of-orderness must be positive");
            check(
                    p.maxRecordBytes() >= 4096,
                    "max-record-bytes must be >= 4096: valid records must fit under it");
            check(p.get(OLTP_CUSTOMERS) >= 1, "oltp-customers-per-tenant must be >= 1");
            check(p.get(OLTP_PRODUCTS) >= 1, "oltp-products-per-tenant must be >= 1");
            check(p.get(OLTP_CHANGES) >= 0, "oltp-changes must be >= 0");
            check(p.get(OLTP_BATCH_SIZE) >= 1, "oltp-batch-size must be >= 1");
            check(p.get(OLTP_RATE) >= 0, "oltp-rate must be >= 0");
            return p;
        }

        private static void check(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
