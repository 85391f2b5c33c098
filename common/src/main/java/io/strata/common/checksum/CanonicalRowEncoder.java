package io.strata.common.checksum;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The canonical encoding of an Iceberg row that {@link RowChecksums} hashes. It depends only on the
 * row's values and its columns' names, never on column order, field ids, file layout or the Java
 * classes a reader returns, and it is injective for rows of one schema:
 *
 * <pre>
 * struct   = '{' { 0x01 sized(name) value }* 0x00    columns in order of their UTF-8 names;
 *                                                   null and excluded columns are left out
 * list     = '[' int32(n) { 0x00 | 0x01 value }*     elements in order; 0x00 is a null element
 * map      = '&lt;' int32(n) { key (0x00 | 0x01 value) }*  entries in order of the encoded key
 * boolean  = 'Z' 0x00|0x01        int, long      = 'J' int64
 * float, double = 'D' int64 (Double.doubleToLongBits, so every NaN is one NaN)
 * decimal  = 'N' int32(scale) sized(unscaled two's complement) at the column's scale
 * string   = 'T' sized(UTF-8)     binary, fixed  = 'B' sized(bytes)     uuid = 'U' int64 int64
 * date     = 'd' int64(epoch day) time           = 't' int64(nano of day)
 * timestamptz = 'I' int64(epoch second) int32(nano)   timestamp = 'L' (the same, as UTC)
 * sized(b) = int32(length) b;     all integers big-endian
 * </pre>
 *
 * Types an Iceberg schema may be promoted between encode alike (int and long, float and double,
 * decimal precisions, micro- and nanosecond timestamps), and a column that is null in every row
 * encodes as if absent, so a table that gained optional columns still matches one created with
 * them. Excluded columns are named by their dotted path ({@code meta.processed_at}); paths into
 * lists and maps are not supported.
 */
final class CanonicalRowEncoder {

    private static final byte FIELD = 1;
    private static final byte END = 0;
    private static final byte NULL = 0;
    private static final byte PRESENT = 1;
    private static final Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;

    /** Writes one non-null value. */
    private interface ValueWriter {
        void write(Object value, CanonicalBuffer out);
    }

    private final ValueWriter root;

    private CanonicalRowEncoder(ValueWriter root) {
        this.root = root;
    }

    /** An encoder of rows of {@code struct}, leaving out the columns at {@code excluded} paths. */
    static CanonicalRowEncoder of(Types.StructType struct, Set<String> excluded) {
        return new CanonicalRowEncoder(struct(struct, "", excluded));
    }

    /** Appends the encoding of {@code row} to {@code out}. */
    void encode(StructLike row, CanonicalBuffer out) {
        root.write(row, out);
    }

    private static ValueWriter struct(
            Types.StructType struct, String prefix, Set<String> excluded) {
        List<Types.NestedField> all = struct.fields();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            // Metadata columns (e.g. _pos, which a scan adds when position deletes apply) say
            // where a row is stored, not what it holds.
            if (!excluded.contains(prefix + all.get(i).name())
                    && !MetadataColumns.isMetadataColumn(all.get(i).fieldId())) {
                kept.add(i);
            }
        }
        kept.sort(Comparator.comparing(i -> utf8(all.get(i).name()), UNSIGNED));
        int n = kept.size();
        int[] positions = new int[n];
        byte[][] names = new byte[n][];
        ValueWriter[] writers = new ValueWriter[n];
        for (int k = 0; k < n; k++) {
            Types.NestedField field = all.get(kept.get(k));
            positions[k] = kept.get(k);
            names[k] = utf8(field.name());
            writers[k] = value(field.type(), prefix + field.name() + ".", excluded);
        }
        return (value, out) -> {
            StructLike row = (StructLike) value;
            out.put('{');
            for (int k = 0; k < n; k++) {
                Object v = row.get(positions[k], Object.class);
                if (v != null) {
                    out.put(FIELD);
                    out.putSized(names[k]);
                    writers[k].write(v, out);
                }
            }
            out.put(END);
        };
    }

    private static ValueWriter value(Type type, String path, Set<String> excluded) {
        switch (type.typeId()) {
            case STRUCT:
                return struct(type.asStructType(), path, excluded);
            case LIST:
                return list(value(type.asListType().elementType(), path, Set.of()));
            case MAP:
                Types.MapType map = type.asMapType();
                return map(
                        value(map.keyType(), path, Set.of()),
                        value(map.valueType(), path, Set.of()));
            case DECIMAL:
                return decimal(((Types.DecimalType) type).scale());
            case TIMESTAMP:
                return timestamp(((Types.TimestampType) type).shouldAdjustToUTC());
            case TIMESTAMP_NANO:
                return timestamp(((Types.TimestampNanoType) type).shouldAdjustToUTC());
            default:
                return primitive(type);
        }
    }

    private static ValueWriter primitive(Type type) {
        switch (type.typeId()) {
            case BOOLEAN:
                return (v, out) -> {
                    out.put('Z');
                    out.put((Boolean) v ? 1 : 0);
                };
            case INTEGER:
            case LONG:
                return (v, out) -> {
                    out.put('J');
                    out.putLong(((Number) v).longValue());
                };
            case FLOAT:
            case DOUBLE:
                return (v, out) -> {
                    out.put('D');
                    out.putLong(Double.doubleToLongBits(((Number) v).doubleValue()));
                };
            case STRING:
                return (v, out) -> {
                    out.put('T');
                    out.putSized(utf8(v.toString()));
                };
            case BINARY:
            case FIXED:
                return CanonicalRowEncoder::binary;
            case UUID:
                return CanonicalRowEncoder::uuid;
            case DATE:
                return (v, out) -> {
                    out.put('d');
                    out.putLong(
                            v instanceof LocalDate d ? d.toEpochDay() : ((Number) v).longValue());
                };
            case TIME:
                return (v, out) -> {
                    out.put('t');
                    out.putLong(
                            v instanceof LocalTime t
                                    ? t.toNanoOfDay()
                                    : ((Number) v).longValue() * 1000);
                };
            default:
                throw new IllegalArgumentException(
                        "No canonical encoding for Iceberg type " + type);
        }
    }

    private static ValueWriter decimal(int scale) {
        return (v, out) -> {
            // setScale without rounding: a value that does not fit the column's scale is an error.
            BigDecimal d = ((BigDecimal) v).setScale(scale);
            out.put('N');
            out.putInt(scale);
            out.putSized(d.unscaledValue().toByteArray());
        };
    }

    private static ValueWriter timestamp(boolean withZone) {
        return (v, out) -> {
            Instant i = instant(v);
            out.put(withZone ? 'I' : 'L');
            out.putLong(i.getEpochSecond());
            out.putInt(i.getNano());
        };
    }

    private static Instant instant(Object v) {
        if (v instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (v instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof Instant i) {
            return i;
        }
        throw new IllegalArgumentException("Not a timestamp: " + v.getClass().getName());
    }

    private static void binary(Object v, CanonicalBuffer out) {
        out.put('B');
        if (v instanceof ByteBuffer b) {
            out.putSized(b);
        } else {
            out.putSized((byte[]) v);
        }
    }

    private static void uuid(Object v, CanonicalBuffer out) {
        UUID u =
                v instanceof UUID id
                        ? id
                        : uuidOf(
                                v instanceof ByteBuffer b
                                        ? b.duplicate()
                                        : ByteBuffer.wrap((byte[]) v));
        out.put('U');
        out.putLong(u.getMostSignificantBits());
        out.putLong(u.getLeastSignificantBits());
    }

    private static UUID uuidOf(ByteBuffer b) {
        return new UUID(b.getLong(), b.getLong());
    }

    private static ValueWriter list(ValueWriter element) {
        return (v, out) -> {
            Collection<?> items = (Collection<?>) v;
            out.put('[');
            out.putInt(items.size());
            for (Object item : items) {
                nullable(item, element, out);
            }
        };
    }

    private static ValueWriter map(ValueWriter key, ValueWriter value) {
        return (v, out) -> {
            Map<?, ?> entries = (Map<?, ?>) v;
            List<byte[][]> encoded = new ArrayList<>(entries.size());
            CanonicalBuffer scratch = new CanonicalBuffer();
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                scratch.reset();
                key.write(e.getKey(), scratch);
                byte[] k = scratch.toByteArray();
                scratch.reset();
                nullable(e.getValue(), value, scratch);
                encoded.add(new byte[][] {k, scratch.toByteArray()});
            }
            encoded.sort(Comparator.comparing(e -> e[0], UNSIGNED));
            out.put('<');
            out.putInt(encoded.size());
            for (byte[][] e : encoded) {
                out.append(e[0], e[0].length);
                out.append(e[1], e[1].length);
            }
        };
    }

    private static void nullable(Object v, ValueWriter writer, CanonicalBuffer out) {
        if (v == null) {
            out.put(NULL);
        } else {
            out.put(PRESENT);
            writer.write(v, out);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
