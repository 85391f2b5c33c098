package io.strata.common.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.flink.sink.FlinkWriteResult;
import org.apache.iceberg.io.WriteResult;
import org.junit.jupiter.api.Test;

class FlinkWriteResultSerializerTest {

    @Test
    void roundTripsCheckpointIdAndFiles() throws Exception {
        DataFile file =
                DataFiles.builder(PartitionSpec.unpartitioned())
                        .withPath("file:///warehouse/bronze/events/data/a.parquet")
                        .withFormat(FileFormat.PARQUET)
                        .withFileSizeInBytes(1234)
                        .withRecordCount(10)
                        .build();
        FlinkWriteResult result =
                new FlinkWriteResult(7L, WriteResult.builder().addDataFiles(file).build());
        FlinkWriteResultSerializer serializer = new FlinkWriteResultSerializer();

        FlinkWriteResult copy =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(result));

        assertThat(copy.checkpointId()).isEqualTo(7L);
        assertThat(copy.writeResult().dataFiles()).hasSize(1);
        assertThat(copy.writeResult().dataFiles()[0].location()).isEqualTo(file.location());
        assertThat(copy.writeResult().dataFiles()[0].recordCount()).isEqualTo(10L);
    }

    @Test
    void registeredTypeInformationIsNoGenericType() {
        FlinkWriteResultTypeInfo.register();
        FlinkWriteResultTypeInfo.register();

        TypeInformation<FlinkWriteResult> type = TypeInformation.of(FlinkWriteResult.class);
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);

        assertThat(type).isInstanceOf(FlinkWriteResultTypeInfo.class);
        assertThat(type.createSerializer(config)).isNotNull();
    }
}
