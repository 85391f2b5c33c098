/**
 * Order-independent content checksums of Iceberg tables, per table and tenant: what proves that a
 * replay reproduced a layer exactly. A row's checksum prefix is the first 8 bytes of the SHA-256 of
 * its canonical encoding, without the columns a replay legitimately changes ({@link
 * io.strata.common.checksum.ChecksumLayer}); a table's checksum is the row count and the sum of the
 * prefixes mod 2^64, as the manifest's window checksums are. Reads with Iceberg's generic reader on
 * the client; no Flink job.
 */
package io.strata.common.checksum;
