/**
 * The plain-Java oracle: Bronze counts and Silver quarantine per tenant and the final Silver rows,
 * from the record sequence and the layer rules. Gold plugs in as another {@link
 * io.strata.workload.oracle.SilverSink}.
 */
package io.strata.workload.oracle;
