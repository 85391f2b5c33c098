/**
 * Kafka wiring every job shares: sources of raw bytes with their coordinates, sinks with the
 * pipeline's delivery mode, pass-through client properties. Knows nothing of Avro or any job.
 */
package io.strata.common.kafka;
