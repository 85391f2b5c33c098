package io.strata.tools.metrics;

import java.util.Map;

/**
 * The dashboard's metrics that {@code LocalStackIT} cannot see, because only bronze-ingest runs
 * there: each belongs only to jobs the test does not start. Every other metric the dashboard
 * queries must be in the test's scrape. {@code DashboardFilesTest} checks each entry is still used
 * by the dashboard, so the list cannot rot.
 */
public final class NotScrapedByLocalStackIT {

    private static final String P = "flink_taskmanager_job_task_operator_";

    /** Metric name → why the bronze-only test cannot observe it. */
    public static final Map<String, String> METRICS =
            Map.of(
                    P + "tenant_conformed",
                    "silver-conform's per-tenant counter (ConformBronzeEvents)",
                    P + "tenant_refused",
                    "silver-conform's per-tenant quarantine counter (ConformBronzeEvents)",
                    P + "poisonRecords",
                    "decoders of silver-conform, gold-features and quality-async; Bronze reads raw"
                            + " bytes and quarantines instead",
                    P + "lateEventsDropped",
                    "gold-features' feature computation (ComputeCustomerFeatures)");

    private NotScrapedByLocalStackIT() {}
}
