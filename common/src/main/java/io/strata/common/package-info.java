/**
 * Shared by two or more jobs: typed options, the Confluent wire-format serde, Kafka and Iceberg
 * wiring. Must not depend on any job module.
 */
package io.strata.common;
