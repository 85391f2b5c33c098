package io.strata.workload;

import io.strata.workload.raw.RawTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Every generator setting with its default and description; the README's table mirrors this. */
public final class WorkloadOptions {

    public static final WorkloadOption<Long> SEED =
            longOption("seed", 42L, "Seed of every random choice; same seed, same bytes.");

    public static final WorkloadOption<Long> EVENTS =
            longOption("events", 100_000L, "Number of business events (before duplicates).");

    public static final WorkloadOption<Double> RATE =
            doubleOption("rate", 0.0, "Records per second sent to Kafka; 0 = as fast as possible.");

    public static final WorkloadOption<Instant> START_TIME =
            option(
                    "start-time",
                    Instant.class,
                    Instant.parse("2024-01-01T00:00:00Z"),
                    "Event time of the first event.",
                    Instant::parse);

    public static final WorkloadOption<Duration> ARRIVAL_INTERVAL =
            durationOption(
                    "arrival-interval",
                    Duration.ofSeconds(10),
                    "Mean event-time gap between new orders or tickets (each starts a flow of ~5 events).");

    public static final WorkloadOption<Double> FLOW_TIME_SCALE =
            doubleOption(
                    "flow-time-scale",
                    1.0,
                    "Multiplies the delays inside order and ticket flows (payment 30s-30min,"
                            + " shipping 30min-12h, delivery 2h-1d, return 12h-3d, ...); lower it"
                            + " for short runs.");

    public static final WorkloadOption<Integer> CUSTOMERS =
            intOption("customers-per-tenant", 50_000, "Customer pool per tenant (Zipf reuse).");

    public static final WorkloadOption<Integer> PRODUCTS =
            intOption("products-per-tenant", 2_000, "Product pool per tenant (Zipf reuse).");

    public static final WorkloadOption<Double> ZIPF_EXPONENT =
            doubleOption("zipf-exponent", 1.0, "Skew of customer and product popularity.");

    public static final WorkloadOption<Double> CUSTOMER_CHANGE_RATE =
            doubleOption(
                    "customer-change-rate",
                    0.5,
                    "Mean attribute changes per registered customer over the run.");

    public static final WorkloadOption<Double> PRODUCT_CHANGE_RATE =
            doubleOption(
                    "product-change-rate", 0.3, "Mean price changes per product over the run.");

    public static final WorkloadOption<Double> DUPLICATE_RATE =
            doubleOption(
                    "duplicate-rate",
                    0.02,
                    "Share of valid records sent again (producer retries).");

    public static final WorkloadOption<Double> EXACT_DUPLICATE_SHARE =
            doubleOption(
                    "exact-duplicate-share",
                    0.5,
                    "Share of duplicates that repeat the exact bytes; the rest repeat the event id"
                            + " with other bytes.");

    public static final WorkloadOption<Double> OUT_OF_ORDER_RATE =
            doubleOption(
                    "out-of-order-rate",
                    0.05,
                    "Share of valid records delayed by up to max-out-of-orderness.");

    public static final WorkloadOption<Double> LATE_RATE =
            doubleOption(
                    "late-rate",
                    0.01,
                    "Share of valid records delayed by 2-3x allowed-lateness (arrive late).");

    public static final WorkloadOption<Double> MALFORMED_RATE =
            doubleOption("malformed-rate", 0.02, "Share of events rendered broken instead.");

    public static final WorkloadOption<FaultMix> MALFORMED_MIX =
            option(
                    "malformed-mix",
                    FaultMix.class,
                    FaultMix.EVEN,
                    "Weights of the malformed reasons, e.g. INVALID_JSON=1,NULL_KEY=2.",
                    FaultMix::parse);

    public static final WorkloadOption<Duration> ALLOWED_LATENESS =
            durationOption(
                    "allowed-lateness",
                    Duration.ofMinutes(10),
                    "A record is late when its event time is more than max-out-of-orderness +"
                            + " this behind the newest accepted event time (bronze-ingest's rule);"
                            + " late records are delayed by 2-3x this.");

    public static final WorkloadOption<Duration> MAX_OUT_OF_ORDERNESS =
            durationOption(
                    "max-out-of-orderness",
                    Duration.ofSeconds(30),
                    "Largest delay of an out-of-order (never late) record; at most half the lateness.");

    public static final WorkloadOption<Integer> MAX_RECORD_BYTES =
            intOption("max-record-bytes", 65_536, "Size limit; oversized records exceed it.");

    public static final WorkloadOption<String> TOPIC =
            option("topic", String.class, RawTopics.WEBHOOKS, "The raw topic.", s -> s);

    public static final WorkloadOption<Integer> OLTP_CUSTOMERS =
            intOption("oltp-customers-per-tenant", 1_000, "Seeded rows of platform.customers.");

    public static final WorkloadOption<Integer> OLTP_PRODUCTS =
            intOption("oltp-products-per-tenant", 200, "Seeded rows of platform.products.");

    public static final WorkloadOption<Integer> OLTP_CHANGES =
            intOption("oltp-changes", 10_000, "Inserts/updates/deletes applied after seeding.");

    public static final WorkloadOption<Integer> OLTP_BATCH_SIZE =
            intOption("oltp-batch-size", 500, "Changes per JDBC transaction.");

    public static final WorkloadOption<Double> OLTP_RATE =
            doubleOption("oltp-rate", 0.0, "OLTP changes per second; 0 = as fast as possible.");

    public static final List<WorkloadOption<?>> ALL =
            List.of(
                    SEED,
                    EVENTS,
                    RATE,
                    START_TIME,
                    ARRIVAL_INTERVAL,
                    FLOW_TIME_SCALE,
                    CUSTOMERS,
                    PRODUCTS,
                    ZIPF_EXPONENT,
                    CUSTOMER_CHANGE_RATE,
                    PRODUCT_CHANGE_RATE,
                    DUPLICATE_RATE,
                    EXACT_DUPLICATE_SHARE,
                    OUT_OF_ORDER_RATE,
                    LATE_RATE,
                    MALFORMED_RATE,
                    MALFORMED_MIX,
                    ALLOWED_LATENESS,
                    MAX_OUT_OF_ORDERNESS,
                    MAX_RECORD_BYTES,
                    TOPIC,
                    OLTP_CUSTOMERS,
                    OLTP_PRODUCTS,
                    OLTP_CHANGES,
                    OLTP_BATCH_SIZE,
                    OLTP_RATE);

    private WorkloadOptions() {}

    private static <T> WorkloadOption<T> option(
            String key, Class<T> type, T def, String description, Function<String, T> parser) {
        return new WorkloadOption<>(key, type, def, description, parser);
    }

    private static WorkloadOption<Long> longOption(String key, long def, String description) {
        return option(key, Long.class, def, description, s -> Long.parseLong(s.replace("_", "")));
    }

    private static WorkloadOption<Integer> intOption(String key, int def, String description) {
        return option(
                key, Integer.class, def, description, s -> Integer.parseInt(s.replace("_", "")));
    }

    private static WorkloadOption<Double> doubleOption(String key, double def, String description) {
        return option(key, Double.class, def, description, Double::parseDouble);
    }

    private static WorkloadOption<Duration> durationOption(
            String key, Duration def, String description) {
        return option(key, Duration.class, def, description, Duration::parse);
    }
}
