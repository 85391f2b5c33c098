package io.strata.workload.truth;

import java.util.List;

/** The simulated tenants of the platform's "commerce" application. */
public final class Tenants {

    /** The application every tenant runs; their payloads for it differ in shape and naming. */
    public static final String APP = "commerce";

    /** A tenant id no configuration knows: records claiming it must be refused. */
    public static final String UNKNOWN_TENANT = "umbrella";

    /** A schema version no tenant uses. */
    public static final String UNKNOWN_SCHEMA_VERSION = "99.0";

    /** A web shop: ISO-8601 with offset, decimal numbers, guest checkouts keyed by email. */
    public static final TenantProfile ACME =
            new TenantProfile(
                    "acme",
                    "USD",
                    1,
                    0.15,
                    List.of("1.0"),
                    0,
                    1,
                    0.40,
                    KeyFormat.padded("C-", 6),
                    KeyFormat.padded("SKU-", 5),
                    KeyFormat.padded("SO-", 7),
                    KeyFormat.padded("INV-", 7),
                    KeyFormat.padded("SHP-", 7),
                    KeyFormat.padded("RMA-", 6),
                    KeyFormat.padded("T-", 6));

    /**
     * An ERP export: epoch times, amounts in minor units, 64-bit order numbers beyond 2^53; moves
     * from schema "1" (flat) to "2" (nested buyer, epoch seconds) during the run.
     */
    public static final TenantProfile GLOBEX =
            new TenantProfile(
                    "globex",
                    "EUR",
                    1000,
                    0,
                    List.of("1", "2"),
                    0.4,
                    1,
                    0.35,
                    KeyFormat.numeric(10_000),
                    KeyFormat.padded("G-", 4),
                    KeyFormat.numeric(9_007_199_254_740_993L),
                    KeyFormat.padded("GI-", 6),
                    KeyFormat.padded("GS-", 6),
                    KeyFormat.padded("GR-", 6),
                    KeyFormat.padded("GC-", 6));

    /** A document system: custom date pattern, amounts as strings, positions numbered 10, 20. */
    public static final TenantProfile INITECH =
            new TenantProfile(
                    "initech",
                    "GBP",
                    1000,
                    0,
                    List.of("3.2"),
                    0,
                    10,
                    0.25,
                    KeyFormat.padded("ACC-", 6),
                    KeyFormat.padded("ART-", 6),
                    KeyFormat.padded("ORD-", 6),
                    KeyFormat.padded("IV-", 6),
                    KeyFormat.padded("DN-", 6),
                    KeyFormat.padded("RT-", 6),
                    KeyFormat.padded("CS-", 6));

    public static final List<TenantProfile> ALL = List.of(ACME, GLOBEX, INITECH);

    private Tenants() {}

    public static TenantProfile byId(String id) {
        for (TenantProfile t : ALL) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown tenant " + id);
    }
}
