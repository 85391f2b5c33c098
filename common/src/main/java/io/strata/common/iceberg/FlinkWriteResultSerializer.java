package io.strata.common.iceberg;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.iceberg.flink.sink.FlinkWriteResult;
import org.apache.iceberg.flink.sink.WriteResultSerializer;

/**
 * Serializes what Iceberg's writers hand their committer (the checkpoint id and the written files)
 * with Iceberg's own {@link WriteResultSerializer}, instead of the Kryo fallback that {@code
 * pipeline.generic-types: false} refuses.
 */
final class FlinkWriteResultSerializer implements SimpleVersionedSerializer<FlinkWriteResult> {

    private static final int VERSION = 1;

    private final WriteResultSerializer files = new WriteResultSerializer();

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(FlinkWriteResult result) throws IOException {
        byte[] written = files.serialize(result.writeResult());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(written.length + 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(result.checkpointId());
            out.writeInt(files.getVersion());
            out.writeInt(written.length);
            out.write(written);
        }
        return bytes.toByteArray();
    }

    @Override
    public FlinkWriteResult deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Unknown FlinkWriteResult serialization version " + version);
        }
        try (DataInputStream in =
                new DataInputStream(new java.io.ByteArrayInputStream(serialized))) {
            long checkpointId = in.readLong();
            int filesVersion = in.readInt();
            byte[] written = new byte[in.readInt()];
            in.readFully(written);
            return new FlinkWriteResult(checkpointId, files.deserialize(filesVersion, written));
        }
    }
}
