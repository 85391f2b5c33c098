package io.strata.common.iceberg;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.core.io.SimpleVersionedSerializerTypeSerializerProxy;
import org.apache.iceberg.flink.sink.FlinkWriteResult;

/**
 * Type information for the records between Iceberg's {@code FlinkSink} writers and committer.
 * {@link #register()} makes Flink's type extraction use it, which the sink needs under {@code
 * pipeline.generic-types: false}.
 */
public final class FlinkWriteResultTypeInfo extends TypeInformation<FlinkWriteResult> {

    private static final long serialVersionUID = 1L;

    /** Registers this type information for {@link FlinkWriteResult}; idempotent. */
    public static synchronized void register() {
        if (TypeExtractor.getTypeInfoFactory(FlinkWriteResult.class) == null) {
            TypeExtractor.registerFactory(FlinkWriteResult.class, Factory.class);
        }
    }

    @Override
    public TypeSerializer<FlinkWriteResult> createSerializer(SerializerConfig config) {
        return new SimpleVersionedSerializerTypeSerializerProxy<>(FlinkWriteResultSerializer::new);
    }

    @Override
    @Deprecated
    public TypeSerializer<FlinkWriteResult> createSerializer(ExecutionConfig config) {
        return createSerializer(config.getSerializerConfig());
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<FlinkWriteResult> getTypeClass() {
        return FlinkWriteResult.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public String toString() {
        return "FlinkWriteResultTypeInfo";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlinkWriteResultTypeInfo;
    }

    @Override
    public int hashCode() {
        return FlinkWriteResultTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof FlinkWriteResultTypeInfo;
    }

    /** The factory Flink's type extraction instantiates. */
    public static final class Factory extends TypeInfoFactory<FlinkWriteResult> {
        @Override
        public TypeInformation<FlinkWriteResult> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new FlinkWriteResultTypeInfo();
        }
    }
}
