/** gold-features: Data Vault 2.0 and point-in-time-correct customer features. */
package io.strata.gold;
