package io.strata.tools.upgrade;

import io.strata.common.flink.JobConfig;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * bronze-ingest as a careless v2 would build it: the same graph with the dedupe operator's uid
 * renamed, so the dedupe state of a v1 savepoint belongs to no operator. Added to a copy of
 * bronze-ingest's jar as its {@code Main-Class} by {@link IncompatibleJar}; never run in the test
 * JVM.
 */
public final class RenamedDedupeUidJob {

    static final String RENAMED = "bronze-ingest-dedupe";

    private RenamedDedupeUidJob() {}

    public static void main(String[] args) throws Exception {
        Configuration config = JobConfig.fromArgs(args);
        // BronzeIngestJob is in the jar this class is added to, not on the tools' classpath.
        StreamExecutionEnvironment env =
                (StreamExecutionEnvironment)
                        Class.forName("io.strata.bronze.BronzeIngestJob")
                                .getMethod("environment", Configuration.class)
                                .invoke(null, config);
        for (Transformation<?> sink : env.getTransformations()) {
            for (Transformation<?> t : sink.getTransitivePredecessors()) {
                if (RENAMED.equals(t.getUid())) {
                    t.setUid(RENAMED + "-v2");
                }
            }
        }
        env.execute("bronze-ingest");
    }
}
