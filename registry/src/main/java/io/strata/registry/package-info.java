/**
 * A Confluent-Schema-Registry-compatible REST service backed by a compacted Kafka topic. Depends on
 * nothing of Strata's.
 */
package io.strata.registry;
