package io.strata.common.checksum;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class RowChecksumsTest {

    private static final OffsetDateTime NINE = OffsetDateTime.parse("2026-11-21T09:00:00.123456Z");
    private static final OffsetDateTime TEN = NINE.plusHours(1);
    private static final Set<String> PROCESSED_AT = Set.of("meta.processed_at");

    /** A Silver-shaped table: business columns and a meta struct with a processing time. */
    private static final Schema ORDER =
            new Schema(
                    required(1, "order_key", Types.StringType.get()),
                    optional(2, "status", Types.StringType.get()),
                    optional(3, "total_amount", Types.DecimalType.of(18, 2)),
                    required(4, "meta", meta(5)));

    private static final List<Record> ORDERS =
            List.of(
                    order("O-1", "open", "20.00", "acme", NINE),
                    order("O-2", "paid", "35.50", "acme", NINE),
                    order("O-3", "open", "7.25", "globex", NINE),
                    order("O-4", null, null, "globex", NINE));

    @Test
    void encodingIsTheDocumentedFormat() throws IOException {
        Schema schema =
                new Schema(
                        required(1, "meta", meta(2)),
                        optional(4, "name", Types.StringType.get()),
                        required(5, "id", Types.LongType.get()));
        Record row = GenericRecord.create(schema);
        row.setField("id", 7L);
        row.setField("name", null);
        row.setField("meta", meta(schema, "acme", NINE));

        byte[] encoding = new RowChecksums(PROCESSED_AT).encoding(row);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.writeByte('{'); // columns by name: id, meta; name is null, so left out
        field(out, "id");
        out.writeByte('J');
        out.writeLong(7);
        field(out, "meta");
        out.writeByte('{'); // meta.processed_at is excluded
        field(out, "tenant_id");
        out.writeByte('T');
        sized(out, "acme");
        out.writeByte(0);
        out.writeByte(0);
        assertThat(encoding).isEqualTo(expected.toByteArray());
        assertThat(new RowChecksums(PROCESSED_AT).prefix(row))
                .isEqualTo(ByteBuffer.wrap(sha256(encoding)).getLong());
    }

    @Test
    void everyTypeEncodesAsDocumentedWithAFixedChecksum() throws IOException {
        Record row = everyType(ByteBuffer.wrap(new byte[] {1, 2, 3}));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.writeByte('{'); // by UTF-8 name; "nothing" is null
        field(out, "b");
        out.writeByte('Z');
        out.writeByte(1);
        field(out, "bin");
        out.writeByte('B');
        out.writeInt(3);
        out.write(new byte[] {1, 2, 3});
        field(out, "d");
        out.writeByte('D');
        out.writeLong(0x7ff8000000000000L); // the one NaN
        field(out, "date");
        out.writeByte('d');
        out.writeLong(19723); // 2024-01-01
        field(out, "dec");
        out.writeByte('N');
        out.writeInt(2);
        out.writeInt(3);
        out.write(java.math.BigInteger.valueOf(-1234567).toByteArray());
        field(out, "f");
        out.writeByte('D');
        out.writeLong(Double.doubleToLongBits(0.1f));
        field(out, "fix");
        out.writeByte('B');
        out.writeInt(3);
        out.write(new byte[] {1, 2, 3});
        field(out, "i");
        out.writeByte('J');
        out.writeLong(-3);
        field(out, "l");
        out.writeByte('J');
        out.writeLong(1L << 53);
        field(out, "li");
        out.writeByte('[');
        out.writeInt(3);
        for (long item : new long[] {3, 1, 2}) {
            out.writeByte(1);
            out.writeByte('J');
            out.writeLong(item);
        }
        field(out, "m");
        out.writeByte('<');
        out.writeInt(2);
        out.writeByte('T'); // entries by encoded key: "a" before "z"
        sized(out, "a");
        out.writeByte(1);
        out.writeByte('D');
        out.writeLong(Double.doubleToLongBits(-0.0));
        out.writeByte('T');
        sized(out, "z");
        out.writeByte(1);
        out.writeByte('D');
        out.writeLong(Double.doubleToLongBits(1.0));
        field(out, "s");
        out.writeByte('T');
        sized(out, "Grüße");
        field(out, "st");
        out.writeByte('{');
        field(out, "x");
        out.writeByte('T');
        sized(out, "nested");
        out.writeByte(0);
        field(out, "time");
        out.writeByte('t');
        out.writeLong(LocalTime.of(17, 9, 12, 3_000_000).toNanoOfDay());
        field(out, "ts");
        out.writeByte('L');
        out.writeLong(1704128952L); // 2024-01-01T17:09:12, as UTC
        out.writeInt(0);
        field(out, "tstz");
        out.writeByte('I');
        out.writeLong(NINE.toEpochSecond());
        out.writeInt(123_456_000);
        field(out, "u");
        out.writeByte('U');
        out.writeLong(0x123e4567e89b12d3L);
        out.writeLong(0xa456426614174000L);
        out.writeByte(0);

        assertThat(new RowChecksums(Set.of()).encoding(row)).isEqualTo(expected.toByteArray());
        // The encoding is a format: checksums taken before a change could not be compared after.
        assertThat(String.format("%016x", new RowChecksums(Set.of()).prefix(row)))
                .isEqualTo("d4b30f54f80db4be");
    }

    @Test
    void readingABinaryValueLeavesItsBufferAsItWas() {
        ByteBuffer bytes = ByteBuffer.wrap(new byte[] {9, 1, 2, 3});
        bytes.position(1);
        RowChecksums checksums = new RowChecksums(Set.of());

        long first = checksums.prefix(everyType(bytes));
        long second = checksums.prefix(everyType(bytes));

        assertThat(bytes.position()).isEqualTo(1);
        assertThat(second).isEqualTo(first);
        assertThat(first)
                .as("the remaining bytes count, as a fixed's byte[] of them does")
                .isEqualTo(checksums.prefix(everyType(ByteBuffer.wrap(new byte[] {1, 2, 3}))));
    }

    @Test
    void theChecksumOfRowsDoesNotDependOnTheirOrder() {
        List<Record> shuffled = new ArrayList<>(ORDERS);
        Collections.shuffle(shuffled, new Random(42));
        List<Record> reversed = new ArrayList<>(ORDERS);
        Collections.reverse(reversed);

        assertThat(checksum(shuffled)).isEqualTo(checksum(ORDERS));
        assertThat(checksum(reversed)).isEqualTo(checksum(ORDERS));
        assertThat(checksum(ORDERS).rows()).isEqualTo(4);
    }

    @Test
    void oneChangedValueChangesTheChecksum() {
        List<Record> changed = new ArrayList<>(ORDERS);
        changed.set(1, order("O-2", "paid", "35.51", "acme", NINE));

        assertThat(checksum(changed).rows()).isEqualTo(4);
        assertThat(checksum(changed).sum()).isNotEqualTo(checksum(ORDERS).sum());
    }

    @Test
    void aValueSwappedBetweenTwoRowsChangesTheChecksum() {
        // Every column holds the same values as before, only paired with other rows.
        List<Record> swapped = new ArrayList<>(ORDERS);
        swapped.set(0, order("O-1", "paid", "20.00", "acme", NINE));
        swapped.set(1, order("O-2", "open", "35.50", "acme", NINE));

        assertThat(checksum(swapped).sum()).isNotEqualTo(checksum(ORDERS).sum());
    }

    @Test
    void aDroppedRowIsTheDifferenceOfItsPrefix() {
        List<Record> dropped = new ArrayList<>(ORDERS);
        Record gone = dropped.remove(2);

        Checksum without = checksum(dropped);

        assertThat(without.rows()).isEqualTo(3);
        assertThat(without.plus(new RowChecksums(PROCESSED_AT).prefix(gone)))
                .isEqualTo(checksum(ORDERS));
    }

    @Test
    void aChangedExcludedColumnChangesNothingButCountsWithoutTheExclusion() {
        List<Record> replayed = ORDERS.stream().map(r -> withProcessedAt(r, TEN)).toList();

        assertThat(checksum(replayed)).isEqualTo(checksum(ORDERS));
        assertThat(checksum(replayed, Set.of())).isNotEqualTo(checksum(ORDERS, Set.of()));
    }

    @Test
    void aDuplicatedRowCounts() {
        List<Record> twice = new ArrayList<>(ORDERS);
        twice.add(ORDERS.get(0));

        assertThat(checksum(twice).rows()).isEqualTo(5);
        assertThat(checksum(twice)).isNotEqualTo(checksum(ORDERS));
    }

    @Test
    void valuesAreDelimitedSoNeighboursCannotTradeBytes() {
        Schema two =
                new Schema(
                        optional(1, "a", Types.StringType.get()),
                        optional(2, "b", Types.StringType.get()));

        assertThat(prefix(row(two, "ab", "c"))).isNotEqualTo(prefix(row(two, "a", "bc")));
        assertThat(prefix(row(two, "", null))).isNotEqualTo(prefix(row(two, null, null)));
        assertThat(prefix(row(two, "x", null))).isNotEqualTo(prefix(row(two, null, "x")));
    }

    @Test
    void columnOrderAndIdsDoNotMatterNorDoesAnOptionalColumnThatIsNull() {
        Schema live =
                new Schema(
                        required(1, "id", Types.LongType.get()),
                        required(2, "name", Types.StringType.get()),
                        optional(3, "added_later", Types.StringType.get()));
        Schema fresh =
                new Schema(
                        required(7, "name", Types.StringType.get()),
                        required(8, "id", Types.LongType.get()));

        assertThat(prefix(row(live, 1L, "x", null))).isEqualTo(prefix(row(fresh, "x", 1L)));
        assertThat(prefix(row(live, 1L, "x", "set"))).isNotEqualTo(prefix(row(fresh, "x", 1L)));
    }

    @Test
    void typesAPromotionWidensEncodeAlike() {
        Schema narrow =
                new Schema(
                        required(1, "n", Types.IntegerType.get()),
                        required(2, "f", Types.FloatType.get()),
                        required(3, "d", Types.DecimalType.of(9, 2)),
                        required(4, "t", Types.TimestampType.withZone()));
        Schema wide =
                new Schema(
                        required(1, "n", Types.LongType.get()),
                        required(2, "f", Types.DoubleType.get()),
                        required(3, "d", Types.DecimalType.of(18, 2)),
                        required(4, "t", Types.TimestampNanoType.withZone()));

        assertThat(prefix(row(narrow, 5, 1.5f, new BigDecimal("20.00"), NINE)))
                .isEqualTo(prefix(row(wide, 5L, 1.5d, new BigDecimal("20.00"), NINE)));
    }

    @Test
    void aDecimalIsItsValueAtTheColumnsScale() {
        Schema money = new Schema(required(1, "amount", Types.DecimalType.of(18, 2)));

        assertThat(prefix(row(money, new BigDecimal("20"))))
                .isEqualTo(prefix(row(money, new BigDecimal("20.00"))));
        assertThat(prefix(row(money, new BigDecimal("-20.00"))))
                .isNotEqualTo(prefix(row(money, new BigDecimal("20.00"))));
    }

    @Test
    void aTimestampWithAndWithoutZoneAreDifferentValues() {
        Schema tz = new Schema(required(1, "t", Types.TimestampType.withZone()));
        Schema local = new Schema(required(1, "t", Types.TimestampType.withoutZone()));

        assertThat(prefix(row(tz, NINE))).isNotEqualTo(prefix(row(local, NINE.toLocalDateTime())));
        assertThat(prefix(row(tz, NINE)))
                .as("the same instant in another offset")
                .isEqualTo(
                        prefix(
                                row(
                                        tz,
                                        NINE.withOffsetSameInstant(
                                                java.time.ZoneOffset.ofHours(2)))));
    }

    @Test
    void mapsAreUnorderedAndListsAreOrdered() {
        Schema schema =
                new Schema(
                        optional(
                                1,
                                "attributes",
                                Types.MapType.ofOptional(
                                        2, 3, Types.StringType.get(), Types.StringType.get())),
                        optional(4, "tags", Types.ListType.ofOptional(5, Types.StringType.get())));
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", null);
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", null);
        ba.put("a", "1");

        assertThat(prefix(row(schema, ab, List.of("x", "y"))))
                .isEqualTo(prefix(row(schema, ba, List.of("x", "y"))));
        assertThat(prefix(row(schema, ab, List.of("x", "y"))))
                .isNotEqualTo(prefix(row(schema, ab, List.of("y", "x"))));
        assertThat(prefix(row(schema, ab, nullThenX())))
                .isNotEqualTo(prefix(row(schema, ab, List.of("x"))));
        assertThat(prefix(row(schema, Map.of("a", "1"), List.of())))
                .as("a null map value is a value")
                .isNotEqualTo(prefix(row(schema, ab, List.of())));
    }

    private static List<String> nullThenX() {
        List<String> items = new ArrayList<>();
        items.add(null);
        items.add("x");
        return items;
    }

    private static Checksum checksum(List<Record> rows) {
        return checksum(rows, PROCESSED_AT);
    }

    private static Checksum checksum(List<Record> rows, Set<String> excluded) {
        RowChecksums checksums = new RowChecksums(excluded);
        Checksum sum = Checksum.EMPTY;
        for (Record row : rows) {
            sum = sum.plus(checksums.prefix(row));
        }
        return sum;
    }

    private static long prefix(Record row) {
        return new RowChecksums(Set.of()).prefix(row);
    }

    private static Types.StructType meta(int firstId) {
        return Types.StructType.of(
                required(firstId, "tenant_id", Types.StringType.get()),
                required(firstId + 1, "processed_at", Types.TimestampType.withZone()));
    }

    private static Record meta(Schema schema, String tenant, OffsetDateTime processedAt) {
        Record meta = GenericRecord.create(schema.findType("meta").asStructType());
        meta.setField("tenant_id", tenant);
        meta.setField("processed_at", processedAt);
        return meta;
    }

    private static Record order(
            String key, String status, String total, String tenant, OffsetDateTime processedAt) {
        return row(
                ORDER,
                key,
                status,
                total == null ? null : new BigDecimal(total),
                meta(ORDER, tenant, processedAt));
    }

    private static Record withProcessedAt(Record order, OffsetDateTime processedAt) {
        Record copy = order.copy();
        Record meta = ((Record) order.getField("meta")).copy();
        meta.setField("processed_at", processedAt);
        copy.setField("meta", meta);
        return copy;
    }

    /** A row of {@code schema} with {@code values} in column order. */
    private static Record row(Schema schema, Object... values) {
        Record row = GenericRecord.create(schema);
        for (int i = 0; i < values.length; i++) {
            row.set(i, values[i]);
        }
        return row;
    }

    private static Record everyType(ByteBuffer binary) {
        Schema schema =
                new Schema(
                        required(1, "b", Types.BooleanType.get()),
                        required(2, "i", Types.IntegerType.get()),
                        required(3, "l", Types.LongType.get()),
                        required(4, "f", Types.FloatType.get()),
                        required(5, "d", Types.DoubleType.get()),
                        required(6, "dec", Types.DecimalType.of(18, 2)),
                        required(7, "s", Types.StringType.get()),
                        required(8, "bin", Types.BinaryType.get()),
                        required(9, "fix", Types.FixedType.ofLength(3)),
                        required(10, "u", Types.UUIDType.get()),
                        required(11, "date", Types.DateType.get()),
                        required(12, "time", Types.TimeType.get()),
                        required(13, "tstz", Types.TimestampType.withZone()),
                        required(14, "ts", Types.TimestampType.withoutZone()),
                        required(
                                15,
                                "st",
                                Types.StructType.of(optional(16, "x", Types.StringType.get()))),
                        required(17, "li", Types.ListType.ofRequired(18, Types.LongType.get())),
                        required(
                                19,
                                "m",
                                Types.MapType.ofRequired(
                                        20, 21, Types.StringType.get(), Types.DoubleType.get())),
                        optional(22, "nothing", Types.StringType.get()));
        Record st = GenericRecord.create(schema.findType("st").asStructType());
        st.setField("x", "nested");
        return row(
                schema,
                true,
                -3,
                1L << 53,
                0.1f,
                Double.NaN,
                new BigDecimal("-12345.67"),
                "Grüße",
                binary,
                new byte[] {1, 2, 3},
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                LocalDate.of(2024, 1, 1),
                LocalTime.of(17, 9, 12, 3_000_000),
                NINE,
                LocalDateTime.of(2024, 1, 1, 17, 9, 12),
                st,
                List.of(3L, 1L, 2L),
                Map.of("z", 1.0, "a", -0.0),
                null);
    }

    private static void field(DataOutputStream out, String name) throws IOException {
        out.writeByte(1);
        sized(out, name);
    }

    private static void sized(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
