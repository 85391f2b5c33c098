package io.strata.tools.chaos;

import io.strata.tools.stack.LocalStack;
import io.strata.tools.stack.StackOptions;
import io.strata.workload.Workload;
import io.strata.workload.WorkloadOptions;
import io.strata.workload.WorkloadRunner;
import io.strata.workload.kafka.KafkaRawSender;
import io.strata.workload.kafka.KafkaRawSender.SendResult;
import io.strata.workload.oltp.OltpChange;
import io.strata.workload.oltp.OltpTable;
import io.strata.workload.oltp.PostgresOltpApplier;
import io.strata.workload.oracle.CdcProjection;
import io.strata.workload.oracle.Expectation;
import io.strata.workload.oracle.Oracle;
import io.strata.workload.oracle.SilverChangeLog;
import io.strata.workload.oracle.SilverRows.Row;
import io.strata.workload.oracle.SilverState;
import io.strata.workload.oracle.SilverVersion;
import io.strata.workload.oracle.gold.GoldOracle;
import io.strata.workload.oracle.gold.GoldVault;
import io.strata.workload.progress.ProgressListener;
import io.strata.workload.raw.RawRecord;
import io.strata.workload.raw.RawStream;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/**
 * The seeded workload sent in slices, one before each fault and the rest after the last, so the
 * pipeline is busy with fresh input whenever a fault hits: the raw records to Kafka (the oracle
 * follows each record sent) and, in parallel, the OLTP changes to Postgres (seeded once, before the
 * first slice). The same seed always gives the same records and changes, in the same order, so the
 * slicing changes nothing the oracle predicts.
 */
final class ChaosWorkload implements AutoCloseable {

    private final LocalStack stack;
    private final Workload workload;
    private final int slices;
    private final PrintStream out;
    private final SilverChangeLog changeLog = new SilverChangeLog();
    private final Oracle oracle;
    private final KafkaRawSender sender;
    private final RawStream records;
    private final Iterator<OltpChange> changes;
    private final long recordsPerSlice;
    private final long changesPerSlice;
    private int sent;

    ChaosWorkload(LocalStack stack, Workload workload, int slices, PrintStream out) {
        this.stack = stack;
        this.workload = workload;
        this.slices = slices;
        this.out = out;
        this.oracle = new Oracle(workload.oracleOptions(), changeLog);
        String servers = "localhost:" + stack.home().get(StackOptions.KAFKA_PORT);
        WorkloadRunner.ensureTopic(
                servers,
                workload.params().topic(),
                stack.home().get(StackOptions.KAFKA_PARTITIONS));
        this.sender = KafkaRawSender.create(servers);
        this.records = workload.records();
        this.changes = workload.oltp().changes();
        this.recordsPerSlice = ceilDiv(workload.expectedRecords(), slices);
        this.changesPerSlice = ceilDiv(workload.oltp().changeCount(), slices);
    }

    /** Creates the OLTP tables unless they exist and inserts the seed rows. */
    void seedOltp() {
        try (PostgresOltpApplier applier = connect()) {
            applier.createSchema();
            if (applier.hasRows()) {
                throw new IllegalStateException("The platform tables already hold rows");
            }
            long rows = applier.seed(workload.oltp(), batchSize(), ProgressListener.NONE);
            out.printf("  postgres: seeded %,d OLTP rows%n", rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Seeding the OLTP tables failed", e);
        }
    }

    /** Sends the next slice (the last one sends whatever is left); false when all was sent. */
    boolean sendSlice() {
        if (!records.hasNext() && !changes.hasNext()) {
            return false;
        }
        sent++;
        boolean last = sent >= slices;
        CompletableFuture<Long> oltp =
                CompletableFuture.supplyAsync(
                        () -> applyChanges(last ? Long.MAX_VALUE : changesPerSlice));
        Iterator<RawRecord> slice = last ? records : limit(records, recordsPerSlice);
        SendResult result =
                sender.send(
                        slice, recordsPerSlice, 0, ProgressListener.NONE, r -> oracle.accept(r));
        long applied = oltp.join();
        out.printf(
                "  slice %d/%d: %,d raw records to Kafka, %,d OLTP changes to Postgres%n",
                sent, slices, result.records(), applied);
        return true;
    }

    private long applyChanges(long max) {
        try (PostgresOltpApplier applier = connect()) {
            return applier.apply(
                    limit(changes, max),
                    Math.min(max, workload.oltp().changeCount()),
                    batchSize(),
                    0,
                    ProgressListener.NONE,
                    "oltp-changes");
        } catch (SQLException e) {
            throw new IllegalStateException("Applying OLTP changes failed", e);
        }
    }

    /**
     * What every layer must hold once all was sent: the oracle's expectation of the raw records
     * plus what the CDC path makes of the OLTP changes.
     */
    Expectation expectation() {
        if (records.hasNext() || changes.hasNext()) {
            throw new IllegalStateException("Not all of the workload was sent yet");
        }
        return oracle.result().withCdc(cdc());
    }

    /** What the CDC path makes of the OLTP seed and changes. */
    CdcProjection cdc() {
        return CdcProjection.of(workload.oltp());
    }

    /**
     * Every {@code tenant|key} the OLTP table ever held, deleted rows included: Gold's hubs keep a
     * key once seen, so this, not the final rows, is what the CDC path adds to them.
     */
    java.util.Set<String> oltpKeysEverInserted(OltpTable table) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        List<OltpChange> all = new ArrayList<>(workload.oltp().seed());
        workload.oltp().changes().forEachRemaining(all::add);
        for (OltpChange c : all) {
            if (c.table() == table && c.kind() == OltpChange.Kind.INSERT) {
                // Columns as CdcProjection maps them: tenant_id first, the business key third.
                keys.add(c.values()[0] + "|" + c.values()[2]);
            }
        }
        return keys;
    }

    /**
     * What Gold must hold of the raw records' Silver versions, in the order the oracle saw them;
     * the CDC path's customers and products are not modelled.
     */
    GoldOracle goldOracle() {
        return GoldOracle.of(changeLog.versions());
    }

    /**
     * The vault of only the rows live in Silver at the end (of the raw records): the hub and link
     * keys Gold cannot be without, whatever order versions reached it in.
     */
    GoldVault liveVault() {
        SilverState live = changeLog.liveRows();
        List<SilverVersion> versions = new ArrayList<>();
        for (List<? extends Row> rows :
                List.of(live.customers(), live.products(), live.orders(), live.orderLines())) {
            for (Row row : rows) {
                versions.add(new SilverVersion(row, java.time.Instant.EPOCH, 0, false));
            }
        }
        return GoldOracle.of(versions).vault();
    }

    private PostgresOltpApplier connect() throws SQLException {
        String database = stack.home().get(StackOptions.POSTGRES_DATABASE);
        return PostgresOltpApplier.connect(stack.postgres().jdbcUrl(database), "postgres", "");
    }

    private int batchSize() {
        return workload.params().get(WorkloadOptions.OLTP_BATCH_SIZE);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** The next {@code n} elements of {@code source}, consumed from it. */
    static <T> Iterator<T> limit(Iterator<T> source, long n) {
        return new Iterator<>() {
            private long taken;

            @Override
            public boolean hasNext() {
                return taken < n && source.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                taken++;
                return source.next();
            }
        };
    }

    @Override
    public void close() {
        sender.close();
    }
}
