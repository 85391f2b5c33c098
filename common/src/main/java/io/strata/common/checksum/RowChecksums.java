package io.strata.common.checksum;

import io.strata.common.manifest.ValueChecksums;
import java.util.Set;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;

/**
 * The checksum prefix of an Iceberg row: the first 8 bytes of the SHA-256 of its canonical encoding
 * ({@link CanonicalRowEncoder}), without the excluded columns — the unit a table's checksum adds up
 * (mod 2^64), as the manifest's window checksums do. Not thread-safe.
 */
public final class RowChecksums {

    private final Set<String> excluded;
    private final CanonicalBuffer buffer = new CanonicalBuffer();
    private final ValueChecksums sha256 = new ValueChecksums();
    private Types.StructType struct;
    private CanonicalRowEncoder encoder;

    /** Checksums leaving out the columns at the dotted {@code excluded} paths. */
    public RowChecksums(Set<String> excluded) {
        this.excluded = Set.copyOf(excluded);
    }

    /** The first 8 bytes of the SHA-256 of the row's canonical encoding, as a number. */
    public long prefix(Record row) {
        encode(row);
        return sha256.prefix(buffer.array(), buffer.length());
    }

    /** The row's canonical encoding (for tests and for people checking the format). */
    public byte[] encoding(Record row) {
        encode(row);
        return buffer.toByteArray();
    }

    private void encode(Record row) {
        // A scan's rows share one struct instance; compile again only when it really changes.
        Types.StructType rowStruct = row.struct();
        if (rowStruct != struct && !rowStruct.equals(struct)) {
            encoder = CanonicalRowEncoder.of(rowStruct, excluded);
        }
        struct = rowStruct;
        buffer.reset();
        encoder.encode(row, buffer);
    }
}
