/** Hot-path helpers: the seeded random generator, Zipf sampling, JSON writing, time formatting. */
package io.strata.workload.util;
