/** Progress reporting and rate pacing for long runs. */
package io.strata.workload.progress;
