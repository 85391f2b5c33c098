/** Producing raw records to Kafka unchanged. */
package io.strata.workload.kafka;
