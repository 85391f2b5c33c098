package io.strata.common.flink;

/**
 * Names of sources that a tool outside the job finds in the running job graph by name, shared so
 * the two cannot drift apart: {@code ./strata replay} waits for the Bronze-table source of a Silver
 * replay to finish (its vertex's name starts with this prefix).
 */
public final class SourceNames {

    /** silver-conform's source over Bronze's Iceberg table, followed by table@snapshot. */
    public static final String BRONZE_TABLE = "Bronze events table ";

    private SourceNames() {}
}
