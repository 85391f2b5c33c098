/**
 * Test support: one in-process Kafka broker, registry and Postgres per test JVM, and Flink's
 * MiniCluster.
 */
package io.strata.testing;
