package io.strata.bronze.cdc;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/** One record for a {@code cdc.*} topic; a null value is a tombstone. A Flink POJO. */
public class KafkaChangeRecord {

    public static final TypeInformation<KafkaChangeRecord> TYPE =
            TypeInformation.of(KafkaChangeRecord.class);

    public String topic;

    /** May be null (a table without a primary key). */
    public byte[] key;

    /** Null for a tombstone. */
    public byte[] value;

    public KafkaChangeRecord() {}

    public KafkaChangeRecord(String topic, byte[] key, byte[] value) {
        this.topic = topic;
        this.key = key;
        this.value = value;
    }
}
