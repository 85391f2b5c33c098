/**
 * Flink wiring every job shares: the environment with the house rules, configuration loading at the
 * edge, operator uids.
 */
package io.strata.common.flink;
