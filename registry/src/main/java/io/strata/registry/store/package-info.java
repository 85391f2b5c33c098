/**
 * Durable state: the log of registry changes (a compacted Kafka topic, or memory in unit tests) and
 * the state replayed from it.
 */
package io.strata.registry.store;
