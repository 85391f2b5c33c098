package io.strata.gold.vault;

/** The column names every hub, link or satellite shares ({@code docs/gold.md}). */
final class VaultColumns {

    /** Event time of the Silver row version that brought the key or the version. */
    static final String LOAD_TIME = "load_time";

    /** The Silver topic the row came from. */
    static final String RECORD_SOURCE = "record_source";

    /** A satellite's hash over its descriptive columns. */
    static final String HASH_DIFF = "hash_diff";

    private VaultColumns() {}
}
