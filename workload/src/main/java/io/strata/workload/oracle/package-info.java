/**
 * The plain-Java oracle: Bronze counts and Silver quarantine per tenant and the final Silver rows,
 * from the record sequence and the layer rules; {@link io.strata.workload.oracle.SilverChangeLog},
 * another {@link io.strata.workload.oracle.SilverSink}, records the row versions Silver publishes,
 * from which {@code io.strata.workload.oracle.gold} computes Gold.
 */
package io.strata.workload.oracle;
