/** Data Vault 2.0 conventions shared by Gold and its readers: hash keys and hash diffs. */
package io.strata.common.vault;
