package io.strata.tools.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.DeleteFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.deletes.EqualityDeleteWriter;
import org.apache.iceberg.encryption.EncryptedOutputFile;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.transforms.Transform;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.StructLikeWrapper;

/**
 * The Iceberg side of a replay: the rebuilt layer is written on a branch of each table and made
 * current only when it has caught up, so readers of {@code main} never see it half-built.
 *
 * <ul>
 *   <li>{@link #prepare}: creates the branch at {@code main}'s current snapshot and, for a replay
 *       from the beginning, empties it of what the replay rebuilds: every data file, or, for a
 *       tenant-scoped replay, the tenant's rows (its partitions' files when every file is
 *       partitioned by the tenant column alone, through a transform that keeps the id whole,
 *       otherwise an equality delete on the tenant column in each partition). {@code main} is
 *       untouched.
 *   <li>{@link #publish}: fast-forwards {@code main} to the branch and drops the branch. It refuses
 *       when {@code main} moved since {@link #prepare} (a job still wrote to it), since that would
 *       drop those commits.
 *   <li>{@link #discard}: drops the branch (an abandoned replay); {@code main} is untouched.
 * </ul>
 */
public final class ReplayBranches {

    private ReplayBranches() {}

    /**
     * Creates {@code branch} on {@code table} from {@code main} and removes from it what the replay
     * rebuilds: all rows, or those whose {@code tenantColumn} is {@code tenant} when it is not
     * null.
     */
    public static void prepare(Table table, String branch, String tenantColumn, String tenant) {
        prepare(table, branch, tenantColumn, tenant, true);
    }

    /**
     * As {@link #prepare(Table, String, String, String)}, but a replay that does not start at the
     * beginning ({@code fromTheBeginning} false) keeps every row: it re-writes what it reads from
     * its start position on over {@code main}'s rows (upserts), and what came before stays.
     */
    public static void prepare(
            Table table,
            String branch,
            String tenantColumn,
            String tenant,
            boolean fromTheBeginning) {
        if (!createBranch(table, branch) || !fromTheBeginning) {
            return;
        }
        if (tenant == null) {
            table.newDelete()
                    .deleteFromRowFilter(Expressions.alwaysTrue())
                    .toBranch(branch)
                    .commit();
        } else {
            List<DataFile> files = tenantPartitionFiles(table, branch, tenantColumn, tenant);
            if (files != null) {
                DeleteFiles delete = table.newDelete().toBranch(branch);
                files.forEach(delete::deleteFile);
                delete.commit();
            } else {
                RowDelta delta = table.newRowDelta().toBranch(branch);
                for (DeleteFile d : equalityDeletes(table, branch, tenantColumn, List.of(tenant))) {
                    delta.addDeletes(d);
                }
                delta.commit();
            }
        }
    }

    /**
     * As {@link #prepare(Table, String, String, String, boolean)} for a table without a tenant
     * column whose rows belong to a tenant through a key (a Data Vault satellite through its hub's
     * hash key): removes the rows whose {@code keyColumn} is one of {@code keys}, by equality
     * deletes.
     */
    public static void prepareKeys(
            Table table,
            String branch,
            String keyColumn,
            Collection<String> keys,
            boolean fromTheBeginning) {
        if (!createBranch(table, branch) || !fromTheBeginning || keys.isEmpty()) {
            return;
        }
        RowDelta delta = table.newRowDelta().toBranch(branch);
        for (DeleteFile d : equalityDeletes(table, branch, keyColumn, keys)) {
            delta.addDeletes(d);
        }
        delta.commit();
    }

    /** Creates {@code branch} at {@code main}; false when the table is empty (so is the branch). */
    private static boolean createBranch(Table table, String branch) {
        table.refresh();
        if (table.refs().containsKey(branch)) {
            throw new IllegalStateException(
                    table.name() + " already has a branch " + branch + " (an earlier replay?)");
        }
        if (table.currentSnapshot() == null) {
            table.manageSnapshots().createBranch(branch).commit();
            return false;
        }
        table.manageSnapshots().createBranch(branch, table.currentSnapshot().snapshotId()).commit();
        return true;
    }

    /** Makes {@code branch} the table's {@code main} and drops it. */
    public static void publish(Table table, String branch) {
        table.refresh();
        if (table.currentSnapshot() == null && table.refs().get(branch) == null) {
            return;
        }
        table.manageSnapshots()
                .fastForwardBranch(SnapshotRef.MAIN_BRANCH, branch)
                .removeBranch(branch)
                .commit();
    }

    /** Drops {@code branch} if it exists; {@code main} is untouched. */
    public static void discard(Table table, String branch) {
        table.refresh();
        if (table.refs().containsKey(branch)) {
            table.manageSnapshots().removeBranch(branch).commit();
        }
    }

    /**
     * The data files on {@code branch} in {@code tenant}'s partitions, or null when some file's
     * partitioning does not keep tenants apart (then only an equality delete removes the rows).
     */
    static List<DataFile> tenantPartitionFiles(
            Table table, String branch, String column, String tenant) {
        List<DataFile> files = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useRef(branch).planFiles()) {
            for (FileScanTask task : tasks) {
                if (!partitionsByTenant(task.spec(), table.schema(), column, tenant)) {
                    return null;
                }
                Object value = task.file().partition().get(0, Object.class);
                if (value != null && tenant.equals(value.toString())) {
                    files.add(task.file());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not plan the files of " + table, e);
        }
        return files;
    }

    /**
     * Whether {@code spec}'s only partition field is {@code column} through a transform that keeps
     * {@code tenant} whole: identity, or a truncation at least as wide as the id (Silver's tables
     * use {@code truncate[256]}, which Flink SQL can read).
     */
    static boolean partitionsByTenant(
            PartitionSpec spec, Schema schema, String column, String tenant) {
        Types.NestedField field = schema.findField(column);
        if (field == null || spec.fields().size() != 1) {
            return false;
        }
        PartitionField p = spec.fields().get(0);
        if (p.sourceId() != field.fieldId() || !field.type().equals(Types.StringType.get())) {
            return false;
        }
        @SuppressWarnings("unchecked")
        Transform<String, ?> transform = (Transform<String, ?>) p.transform();
        return transform.canTransform(field.type())
                && tenant.equals(String.valueOf(transform.bind(field.type()).apply(tenant)));
    }

    /**
     * Equality deletes of every row whose {@code column} is one of {@code values}: one file per
     * partition that holds data on {@code branch} (an equality delete applies within its partition
     * only).
     */
    private static List<DeleteFile> equalityDeletes(
            Table table, String branch, String column, Collection<String> values) {
        Types.NestedField field = table.schema().findField(column);
        if (field == null) {
            throw new IllegalStateException(table.name() + " has no column " + column);
        }
        Map<Integer, Map<StructLikeWrapper, StructLike>> partitions = new HashMap<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useRef(branch).planFiles()) {
            for (FileScanTask task : tasks) {
                PartitionSpec spec = task.spec();
                StructLike partition = task.file().partition();
                partitions
                        .computeIfAbsent(spec.specId(), k -> new HashMap<>())
                        .putIfAbsent(
                                StructLikeWrapper.forType(spec.partitionType()).set(partition),
                                partition);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not plan the files of " + table, e);
        }
        List<DeleteFile> deletes = new ArrayList<>();
        partitions.forEach(
                (specId, byPartition) ->
                        byPartition
                                .values()
                                .forEach(
                                        p ->
                                                deletes.add(
                                                        equalityDelete(
                                                                table,
                                                                table.specs().get(specId),
                                                                p,
                                                                field,
                                                                column,
                                                                values))));
        return deletes;
    }

    /** One equality delete file in {@code partition} of {@code spec}: rows of {@code values}. */
    private static DeleteFile equalityDelete(
            Table table,
            PartitionSpec spec,
            StructLike partition,
            Types.NestedField field,
            String column,
            Collection<String> values) {
        Schema deleteSchema = table.schema().select(column);
        GenericAppenderFactory factory =
                new GenericAppenderFactory(
                        table.schema(), spec, new int[] {field.fieldId()}, deleteSchema, null);
        EncryptedOutputFile out =
                table.encryption()
                        .encrypt(
                                table.io()
                                        .newOutputFile(
                                                table.locationProvider()
                                                        .newDataLocation(
                                                                "replay-tenant-delete-"
                                                                        + UUID.randomUUID()
                                                                        + ".parquet")));
        EqualityDeleteWriter<Record> writer =
                factory.newEqDeleteWriter(
                        out, FileFormat.PARQUET, spec.isUnpartitioned() ? null : partition);
        try (writer) {
            for (String value : values) {
                writer.write(row(deleteSchema, column, value));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the equality delete of " + table, e);
        }
        return writer.toDeleteFile();
    }

    /** A record of {@code schema} with the (possibly nested) {@code column} set. */
    private static Record row(Schema schema, String column, String value) {
        List<String> path = List.of(column.split("\\."));
        GenericRecord root = GenericRecord.create(schema);
        Record current = root;
        Types.StructType struct = schema.asStruct();
        for (int i = 0; i < path.size() - 1; i++) {
            Types.StructType nested = struct.field(path.get(i)).type().asStructType();
            GenericRecord child = GenericRecord.create(nested);
            current.setField(path.get(i), child);
            current = child;
            struct = nested;
        }
        current.setField(path.get(path.size() - 1), value);
        return root;
    }
}
