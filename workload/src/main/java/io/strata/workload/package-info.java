/**
 * Deterministic workload generator and the oracle of what each layer must contain. Entry points:
 * {@link io.strata.workload.Workload} (records, OLTP changes, expectation from one {@link
 * io.strata.workload.WorkloadParams}), {@link io.strata.workload.WorkloadRunner} (Kafka, Postgres)
 * and {@link io.strata.workload.WorkloadCli}. Depends on the schemas module only; no Strata job may
 * depend on it outside tests.
 */
package io.strata.workload;
