/** Deterministic workload generator and the oracle of what each layer must contain. */
package io.strata.workload;
