package io.strata.bronze.cdc;

import io.strata.bronze.cdc.CdcCaptureOptions.StartupMode;
import io.strata.common.config.StrataOptions;
import io.strata.common.flink.StrataEnvironment;
import io.strata.testing.TestServices;
import io.strata.workload.oltp.OltpChange;
import io.strata.workload.oltp.OltpTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One capture under test: a database, slot, publication and topic prefix named after the run, the
 * job on the test's MiniCluster, and the cleanup (job cancelled, slots and publication dropped).
 */
final class CaptureRun implements AutoCloseable {

    final String name = "cdc" + Long.toString(System.nanoTime(), 36);
    final CdcDatabase db;
    final Configuration config;
    private JobClient job;

    /** Creates the database with {@code seed} rows; the capture is not started yet. */
    CaptureRun(List<OltpChange> seed) throws Exception {
        db = CdcDatabase.create(TestServices.postgres(), name, seed);
        config = config();
    }

    /** Creates the topics and submits the capture job. */
    void start() throws Exception {
        CdcTopics.createMissing(config);
        submit(config);
    }

    /** Stops the job with a savepoint under {@code dir}; returns the savepoint's path. */
    String stopWithSavepoint(Path dir) throws Exception {
        String savepoint =
                job.stopWithSavepoint(false, dir.toUri().toString(), SavepointFormatType.CANONICAL)
                        .get();
        job = null;
        return savepoint;
    }

    /** Submits the job again, restoring {@code savepoint}. */
    void restartFrom(String savepoint) throws Exception {
        Configuration restore = new Configuration(config);
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        submit(restore);
    }

    private void submit(Configuration jobConfig) throws Exception {
        StreamExecutionEnvironment env = StrataEnvironment.create(jobConfig);
        new CdcCaptureTopology(
                        jobConfig,
                        PostgresCdcSource.create(jobConfig),
                        CdcCaptureJob.sink(jobConfig))
                .build(env);
        job = env.executeAsync(CdcCaptureTopology.JOB);
    }

    void cancel() throws Exception {
        if (job != null) {
            job.cancel().get();
            job = null;
        }
    }

    String bootstrapServers() {
        return config.get(StrataOptions.KAFKA_BOOTSTRAP_SERVERS);
    }

    String topic(String table) {
        return "cdc." + name + "." + OltpTable.SCHEMA + "." + table;
    }

    List<String> topics() {
        return CdcTopics.names(config);
    }

    /** The records each topic gets for {@code changes}: one each, a tombstone after deletes. */
    Map<String, Integer> recordsFor(Iterator<OltpChange> changes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (OltpTable table : OltpTable.values()) {
            counts.put(topic(table.tableName()), 0);
        }
        changes.forEachRemaining(
                c ->
                        counts.merge(
                                topic(c.table().tableName()),
                                c.kind() == OltpChange.Kind.DELETE ? 2 : 1,
                                Integer::sum));
        return counts;
    }

    private Configuration config() {
        Configuration c = new Configuration();
        c.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, TestServices.kafka().bootstrapServers());
        c.set(StrataOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        c.set(CdcCaptureOptions.HOSTNAME, "localhost");
        c.set(CdcCaptureOptions.PORT, TestServices.postgres().port());
        c.set(CdcCaptureOptions.DATABASE, name);
        c.set(CdcCaptureOptions.SLOT_NAME, name);
        c.set(CdcCaptureOptions.PUBLICATION_NAME, name);
        c.set(CdcCaptureOptions.STARTUP_MODE, StartupMode.INITIAL);
        c.set(CdcCaptureOptions.TOPIC_PREFIX, "cdc." + name + ".");
        c.set(CdcCaptureOptions.TRANSACTIONAL_ID_PREFIX, name);
        // Bounds a transactional producer that stalls after the restart from a savepoint (see
        // KafkaBronzeSinks), as the other restarting ITCases do: with the default delivery
        // timeout the stall outlasted the test's wait under load (21 of 24 changes seen).
        c.setString("strata.kafka.client.delivery.timeout.ms", "20000");
        c.setString("strata.kafka.client.request.timeout.ms", "10000");
        return c;
    }

    @Override
    public void close() throws Exception {
        cancel();
        db.dropAll(name, name);
    }
}
