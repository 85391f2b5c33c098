/**
 * Tenant-shaped rendering of truth events (one small class per tenant and schema version) and the
 * platform envelope around them, including the deliberately broken variants.
 */
package io.strata.workload.render;
