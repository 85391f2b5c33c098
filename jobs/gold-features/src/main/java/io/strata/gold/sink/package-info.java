/** Gold's quarantine sinks, shared by the vault and the features. */
package io.strata.gold.sink;
