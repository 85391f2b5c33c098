package io.strata.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    private static final SchemaVersion USERS_V1 =
            new SchemaVersion("users-value", 1, 7, "\"string\"", false);

    @Test
    void keysFollowConfluentsLayout() {
        assertThat(text(RecordCodec.key(new StoreRecord.PutVersion(USERS_V1))))
                .isEqualTo(
                        "{\"keytype\":\"SCHEMA\",\"subject\":\"users-value\",\"version\":1,\"magic\":1}");
        assertThat(text(RecordCodec.key(new StoreRecord.PutCompatibility(null, "FULL"))))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    }

    @Test
    void aVersionAndItsTombstoneShareOneKeySoCompactionKeepsTheLast() {
        byte[] put = RecordCodec.key(new StoreRecord.PutVersion(USERS_V1.asDeleted()));
        byte[] remove = RecordCodec.key(new StoreRecord.RemoveVersion("users-value", 1));

        assertThat(remove).isEqualTo(put);
        assertThat(RecordCodec.value(new StoreRecord.RemoveVersion("users-value", 1))).isNull();
    }

    @Test
    void everyRecordRoundTrips() {
        StoreRecord[] records = {
            new StoreRecord.PutVersion(USERS_V1),
            new StoreRecord.PutVersion(USERS_V1.asDeleted()),
            new StoreRecord.RemoveVersion("users-value", 1),
            new StoreRecord.PutCompatibility(null, "FULL"),
            new StoreRecord.PutCompatibility("users-value", "NONE"),
            new StoreRecord.RemoveCompatibility("users-value"),
            new StoreRecord.RemoveCompatibility(null),
            new StoreRecord.ReserveIds(12),
        };
        for (StoreRecord record : records) {
            byte[] key = RecordCodec.key(record);
            assertThat(RecordCodec.decode(key, RecordCodec.value(record))).contains(record);
        }
    }

    @Test
    void confluentRecordsWeDoNotServeAreSkipped() {
        byte[] noop = bytes("{\"keytype\":\"NOOP\",\"magic\":0}");
        byte[] protobufKey =
                bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"p\",\"version\":1,\"magic\":1}");
        byte[] protobuf =
                bytes("{\"subject\":\"p\",\"version\":1,\"id\":3,\"schemaType\":\"PROTOBUF\"}");

        assertThat(RecordCodec.decode(noop, null)).isEmpty();
        assertThat(RecordCodec.decode(protobufKey, protobuf)).isEmpty();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
