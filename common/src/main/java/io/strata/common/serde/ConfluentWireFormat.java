package io.strata.common.serde;

import java.io.ByteArrayOutputStream;

/**
 * Confluent's framing of a record: magic byte {@code 0}, the writer schema's registry id as 4
 * big-endian bytes, then the Avro binary body.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private ConfluentWireFormat() {}

    /** Writes the 5-byte header for a body written with schema {@code id}. */
    public static void writeHeader(ByteArrayOutputStream out, int id) {
        out.write(MAGIC_BYTE);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
    }

    /** The writer schema id of a framed record. */
    public static int schemaId(byte[] framed) throws PoisonAvroException {
        if (framed.length < HEADER_SIZE) {
            throw new PoisonAvroException(
                    PoisonAvroException.Kind.TRUNCATED,
                    -1,
                    "Record of "
                            + framed.length
                            + " bytes is shorter than the 5-byte Confluent header",
                    null);
        }
        if (framed[0] != MAGIC_BYTE) {
            throw new PoisonAvroException(
                    PoisonAvroException.Kind.WRONG_MAGIC_BYTE,
                    -1,
                    String.format(
                            "Unknown magic byte 0x%02x; Confluent Avro starts with 0x00",
                            framed[0]),
                    null);
        }
        return ((framed[1] & 0xff) << 24)
                | ((framed[2] & 0xff) << 16)
                | ((framed[3] & 0xff) << 8)
                | (framed[4] & 0xff);
    }
}
