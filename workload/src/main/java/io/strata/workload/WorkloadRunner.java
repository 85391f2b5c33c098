package io.strata.workload;

import io.strata.workload.kafka.KafkaRawSender;
import io.strata.workload.kafka.KafkaRawSender.SendResult;
import io.strata.workload.oltp.OltpWorkload;
import io.strata.workload.oltp.PostgresOltpApplier;
import io.strata.workload.oracle.Expectation;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.progress.ProgressListener;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Runs a workload against real services: the raw records to Kafka (computing the oracle in the same
 * pass) and the OLTP side to Postgres. The CLI and the {@code ./strata} tooling call this.
 */
public final class WorkloadRunner {

    private WorkloadRunner() {}

    /** What a Kafka run produced, and what the layers must then contain. */
    public record KafkaRun(SendResult sent, Expectation expectation) {}

    /** Creates the raw topic unless it exists, with {@code partitions} partitions. */
    public static void ensureTopic(String bootstrapServers, String topic, int partitions) {
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends every raw record at the workload's rate; the oracle follows along. */
    public static KafkaRun sendToKafka(
            Workload workload, String bootstrapServers, ProgressListener listener) {
        Oracle oracle = new Oracle(workload.oracleOptions());
        try (KafkaRawSender sender = KafkaRawSender.create(bootstrapServers)) {
            SendResult sent =
                    sender.send(
                            workload.records(),
                            workload.expectedRecords(),
                            workload.params().get(WorkloadOptions.RATE),
                            listener,
                            oracle::accept);
            return new KafkaRun(sent, oracle.result());
        }
    }

    /**
     * Creates the OLTP schema (dropping it first when {@code reset}), seeds the rows and applies
     * the change sequence. The tables must be empty: the sequence only makes sense from its seed.
     * (Dropping the schema also drops its tables from a CDC publication; reset before CDC starts.)
     */
    public static void applyToPostgres(
            Workload workload,
            String jdbcUrl,
            String user,
            String password,
            boolean reset,
            ProgressListener listener)
            throws SQLException {
        OltpWorkload oltp = workload.oltp();
        int batch = workload.params().get(WorkloadOptions.OLTP_BATCH_SIZE);
        try (PostgresOltpApplier applier = PostgresOltpApplier.connect(jdbcUrl, user, password)) {
            if (reset) {
                applier.recreateSchema();
            } else {
                applier.createSchema();
                if (applier.hasRows()) {
                    throw new IllegalStateException(
                            "The platform tables already hold rows; the workload's changes only"
                                    + " apply to its own seed. Reset the schema (--oltp-reset) or use"
                                    + " an empty database.");
                }
            }
            applier.seed(oltp, batch, listener);
            double rate = workload.params().get(WorkloadOptions.OLTP_RATE);
            applier.applyChanges(oltp, batch, rate, listener);
        }
    }
}
