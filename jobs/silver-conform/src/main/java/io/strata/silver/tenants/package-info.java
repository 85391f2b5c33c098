/**
 * Tenant configuration at run time: reading and validating the configuration topic, the broadcast
 * state of configurations in force, the conform operator that extracts Bronze events with them
 * (waiting for a tenant's first configuration), and the validate/publish tool. The configuration
 * format and the extractor themselves are {@code io.strata.silver.config} and {@code
 * io.strata.silver.extract}.
 */
package io.strata.silver.tenants;
