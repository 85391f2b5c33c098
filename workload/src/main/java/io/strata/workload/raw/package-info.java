/** The raw-topic record sequence: rendering, faults, delays and re-sends, without any Kafka. */
package io.strata.workload.raw;
