package io.strata.gold.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/** The events and versions travel and rest as Flink POJOs: no Kryo anywhere. */
class FeatureTypesTest {

    @Test
    void eventsAndVersionsArePojosWithoutGenericFields() {
        ExecutionConfig noKryo = new ExecutionConfig();
        noKryo.disableGenericTypes();
        for (TypeInformation<?> type :
                new TypeInformation<?>[] {
                    CustomerEvent.TYPE, TypeInformation.of(EntityVersion.class)
                }) {
            assertThat(type).isInstanceOf(PojoTypeInfo.class);
            assertThat(type.toString()).doesNotContain("GenericType");
            assertThat(type.createSerializer(noKryo.getSerializerConfig())).isNotNull();
        }
    }
}
