/** bronze-ingest: raw and CDC topics into the append-only, deduplicated Bronze layer. */
package io.strata.bronze;
