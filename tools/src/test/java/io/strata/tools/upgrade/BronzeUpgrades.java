package io.strata.tools.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.common.flink.JobConfig;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.tools.stack.FlinkRest;
import io.strata.tools.stack.JobCatalog;
import io.strata.tools.stack.JobsConfig;
import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.StackOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.flink.configuration.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./strata upgrade} on the local stack's running bronze-ingest, through the real command
 * line (a {@code StrataCli} process on the stack's state directory), for LocalStackIT: an upgrade
 * to the same jar keeps the dedupe state (a copy of an event Bronze accepted before is dropped
 * after), and a jar whose dedupe operator lost its uid is refused with Flink's reason while the old
 * jar runs on from the same savepoint, its state intact; and an upgrade to bronze-ingest's v2
 * ({@link JobV2Jar}: the dedupe state type gains a field, Bronze a column filled from it) keeps
 * v1's dedupe state and fills the new column for events accepted after it.
 */
public final class BronzeUpgrades {

    private static final String JOB = "bronze-ingest";
    private static final List<String> JOB_ARGUMENTS = List.of("--strata.checkpoint.interval", "2s");
    private static final Duration METRICS = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The column bronze-ingest's v2 adds: the accepted copy's checksum. */
    private static final String V2_COLUMN = "first_checksum";

    private final LocalStack stack;
    private final FlinkRest rest;
    private final Catalog catalog;
    private final Accepted event;

    /** Call with bronze-ingest RUNNING and its Bronze table holding the events it accepted. */
    public BronzeUpgrades(LocalStack stack) {
        this.stack = stack;
        this.rest = new FlinkRest(stack.home());
        Path config = new JobsConfig(stack.home()).path();
        this.catalog = IcebergCatalogs.load(Configuration.fromMap(JobConfig.readFile(config)));
        this.event = anAcceptedWebhookEvent();
    }

    /** An event in Bronze, by id and tenant, and where Kafka holds its raw record. */
    private record Accepted(
            String eventId, String tenant, String topic, int partition, long offset) {}

    public void toTheSameJarKeepsTheDedupeState() {
        Path jar = new JobCatalog(stack.home()).jar(JOB);
        String before = runningJob();

        StrataCommand.Result upgrade = strata("upgrade", JOB, jar.toString(), "--");
        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(upgrade.output()).contains("upgrade bronze-ingest: UPGRADED in");
        assertThat(upgrade.field("old job")).isEqualTo(before);
        String savepoint = upgrade.field("savepoint");
        assertThat(Path.of(savepoint.replaceFirst("^file:", ""))).isDirectory();
        String after = upgrade.field("new job");
        assertThat(upgrade.field("running")).isEqualTo(after);
        assertThat(runningJob()).isEqualTo(after);

        resendAndExpectItDropped();
    }

    public void aRenamedUidIsRefusedAndTheOldJarRunsOn(Path workDir) {
        Path jar =
                IncompatibleJar.renamedDedupeUid(
                        new JobCatalog(stack.home()).jar(JOB), workDir.resolve("renamed-uid.jar"));
        String before = runningJob();

        StrataCommand.Result upgrade = strata("upgrade", JOB, jar.toString(), "--");
        assertThat(upgrade.exitCode()).as(upgrade.output()).isEqualTo(1);
        assertThat(upgrade.output())
                .contains("upgrade bronze-ingest: REFUSED in")
                .contains("Cannot map checkpoint/savepoint state for operator")
                .contains("(uid " + RenamedDedupeUidJob.RENAMED + ")");
        assertThat(upgrade.field("old job")).isEqualTo(before);
        String refused = upgrade.field("new job");
        String restored = upgrade.field("running");
        assertThat(restored).isNotIn(before, refused);
        assertThat(runningJob()).isEqualTo(restored);
        assertThat(rest.jobs())
                .filteredOn(j -> j.id().equals(refused))
                .singleElement()
                .satisfies(j -> assertThat(j.state()).isIn("FAILED", "CANCELED"));

        resendAndExpectItDropped();
        assertThat(bronzeRowsOf(event.eventId()))
                .as("Bronze rows of the resent event")
                .isEqualTo(1);
    }

    public void toV2KeepsTheDedupeStateAndFillsTheNewColumn(Path workDir) {
        long building = System.nanoTime();
        Path jar = JobV2Jar.build(stack.home(), JOB, workDir);
        String before = runningJob();

        StrataCommand.Result upgrade = strata("upgrade", JOB, jar.toString(), "--");
        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(upgrade.output()).contains("upgrade bronze-ingest: UPGRADED in");
        assertThat(upgrade.field("old job")).isEqualTo(before);
        assertThat(runningJob()).isEqualTo(upgrade.field("new job"));

        resendAndExpectItDropped();
        String fresh = sendANewEvent();
        await(() -> !bronzeRows(fresh).isEmpty(), "the new event in Bronze");
        assertThat(bronzeRows(fresh))
                .singleElement()
                .satisfies(
                        row ->
                                assertThat(row.getField(V2_COLUMN))
                                        .as("v2's column of an event v2 accepted")
                                        .isNotNull()
                                        .isEqualTo(row.getField("checksum")));
        assertThat(bronzeRows(event.eventId()))
                .as("the event v1 accepted, once, without v2's column")
                .singleElement()
                .satisfies(row -> assertThat(row.getField(V2_COLUMN)).isNull());
        String accepted = "tenant." + event.tenant() + ".accepted";
        await(
                () -> rest.operatorMetricSum(JOB, accepted).orElse(0.0) >= 1.0,
                "the new event counted as accepted by v2");
        assertThat(rest.operatorMetricSum(JOB, accepted)).contains(1.0);
        System.out.printf(
                "Upgrade to v2 checked in %.1f s%n", (System.nanoTime() - building) / 1e9);
    }

    /** Sends the accepted event's raw record again; the running job's dedupe must drop it. */
    private void resendAndExpectItDropped() {
        resend();
        String duplicates = "tenant." + event.tenant() + ".duplicates";
        await(
                () -> rest.operatorMetricSum(JOB, duplicates).orElse(0.0) >= 1.0,
                "the copy counted as a duplicate by the restored job");
        assertThat(rest.operatorMetricSum(JOB, duplicates)).contains(1.0);
        assertThat(rest.operatorMetricSum(JOB, "tenant." + event.tenant() + ".accepted"))
                .as("events the restored dedupe let through")
                .isEmpty();
    }

    private String runningJob() {
        List<String> running =
                rest.jobs().stream()
                        .filter(j -> j.name().equals(JOB) && j.state().equals("RUNNING"))
                        .map(FlinkRest.Job::id)
                        .toList();
        assertThat(running).hasSize(1);
        return running.get(0);
    }

    private Accepted anAcceptedWebhookEvent() {
        Table table = catalog.loadTable(TableIdentifier.parse("bronze.events"));
        try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
            for (Record row : rows) {
                Record source = (Record) row.getField("source");
                if ("WEBHOOK".equals(source.getField("kind").toString())) {
                    return new Accepted(
                            row.getField("event_id").toString(),
                            row.getField("tenant_id").toString(),
                            source.getField("topic").toString(),
                            (Integer) source.getField("partition"),
                            (Long) source.getField("offset"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("Bronze holds no webhook event");
    }

    private long bronzeRowsOf(String eventId) {
        return bronzeRows(eventId).size();
    }

    /** Bronze's rows of {@code eventId}: the id, the checksum and, once it exists, v2's column. */
    private List<Record> bronzeRows(String eventId) {
        Table table = catalog.loadTable(TableIdentifier.parse("bronze.events"));
        List<String> columns = new ArrayList<>(List.of("event_id", "checksum"));
        if (table.schema().findField(V2_COLUMN) != null) {
            columns.add(V2_COLUMN);
        }
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> matching =
                IcebergGenerics.read(table)
                        .where(Expressions.equal("event_id", eventId))
                        .select(columns.toArray(String[]::new))
                        .build()) {
            for (Record row : matching) {
                if (eventId.equals(row.getField("event_id").toString())) {
                    rows.add(row.copy());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The raw record, key, value and headers as Kafka holds them, sent again to its partition. */
    private void resend() {
        ConsumerRecord<byte[], byte[]> original = original();
        send(original, original.value());
    }

    /** The accepted event's raw record under a new event id: returns the id. */
    private String sendANewEvent() {
        ConsumerRecord<byte[], byte[]> original = original();
        String eventId = event.eventId() + "-after-v2";
        try {
            ObjectNode envelope = (ObjectNode) JSON.readTree(original.value());
            envelope.put("event_id", eventId);
            send(original, JSON.writeValueAsBytes(envelope));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return eventId;
    }

    private ConsumerRecord<byte[], byte[]> original() {
        TopicPartition partition = new TopicPartition(event.topic(), event.partition());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, event.offset());
            return consumer.poll(Duration.ofSeconds(10)).records(partition).get(0);
        }
    }

    private void send(ConsumerRecord<byte[], byte[]> original, byte[] value) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka())) {
            producer.send(
                    new ProducerRecord<>(
                            event.topic(),
                            event.partition(),
                            original.key(),
                            value,
                            original.headers()));
        }
    }

    private Properties kafka() {
        Properties props = new Properties();
        props.put("bootstrap.servers", "localhost:" + stack.home().get(StackOptions.KAFKA_PORT));
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        return props;
    }

    /** {@code ./strata ARGS} with the job's arguments after them. */
    private StrataCommand.Result strata(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(JOB_ARGUMENTS);
        return StrataCommand.run(stack.home(), all);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + METRICS.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + METRICS).isLessThan(deadline);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
