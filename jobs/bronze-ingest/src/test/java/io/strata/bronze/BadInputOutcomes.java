package io.strata.bronze;

import io.strata.bronze.sink.BronzeTables;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.model.bronze.BronzeEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;

/**
 * What became of each record a run sent, by source coordinates: {@code BRONZE:<tenant>}, {@code
 * DUPLICATE:<tenant>} or {@code <reason>:<tenant>}; a list, so a record accounted twice shows.
 */
final class BadInputOutcomes {

    final Map<String, List<String>> byCoordinates = new LinkedHashMap<>();

    static BadInputOutcomes read(ReadableConfig config, List<BronzeEvent> duplicates)
            throws Exception {
        BadInputOutcomes outcomes = new BadInputOutcomes();
        BronzeContent bronze = BronzeContent.read(config);
        for (Record r : bronze.events) {
            outcomes.add((Record) r.getField("source"), "BRONZE:" + r.getField("tenant_id"));
        }
        for (Record r : bronze.quarantine) {
            outcomes.add(
                    (Record) r.getField("source"),
                    r.getField("reason") + ":" + r.getField("tenant_id"));
        }
        for (BronzeEvent d : duplicates) {
            String at =
                    SentRecord.coordinates(
                            d.getSource().getTopic(),
                            d.getSource().getPartition(),
                            d.getSource().getOffset());
            outcomes.add(at, "DUPLICATE:" + d.getTenantId());
        }
        return outcomes;
    }

    private void add(Record source, String outcome) {
        add(
                SentRecord.coordinates(
                        (String) source.getField("topic"),
                        (Integer) source.getField("partition"),
                        (Long) source.getField("offset")),
                outcome);
    }

    private void add(String coordinates, String outcome) {
        byCoordinates.computeIfAbsent(coordinates, c -> new ArrayList<>()).add(outcome);
    }

    /**
     * Data files of both Bronze tables whose {@code tenant_id} values are not all their partition's
     * tenant (from the files' column bounds and null counts), as {@code file: partition vs [lower,
     * upper]}.
     */
    static List<String> filesMixingTenants(ReadableConfig config) throws Exception {
        Catalog catalog = IcebergCatalogs.load(config);
        List<String> mixed = new ArrayList<>();
        for (var id : List.of(BronzeTables.eventsId(config), BronzeTables.quarantineId(config))) {
            Table table = catalog.loadTable(id);
            int column = table.schema().findField("tenant_id").fieldId();
            int position = tenantPosition(table);
            try (CloseableIterable<FileScanTask> tasks =
                    table.newScan().includeColumnStats().planFiles()) {
                for (FileScanTask task : tasks) {
                    var file = task.file();
                    String partition = file.partition().get(position, String.class);
                    String lower = bound(file.lowerBounds(), column);
                    String upper = bound(file.upperBounds(), column);
                    long nulls = file.nullValueCounts().getOrDefault(column, 0L);
                    boolean pure =
                            partition == null
                                    ? nulls == file.recordCount()
                                    : nulls == 0 && within(partition, lower, upper);
                    if (!pure) {
                        mixed.add(
                                file.path()
                                        + ": "
                                        + partition
                                        + " vs ["
                                        + lower
                                        + ", "
                                        + upper
                                        + "]");
                    }
                }
            }
        }
        return mixed;
    }

    /**
     * Whether the bounds admit only {@code tenant}: equal to it, or, as Iceberg truncates string
     * bounds (16 characters by default), its prefix and the prefix's successor.
     */
    private static boolean within(String tenant, String lower, String upper) {
        if (lower == null || upper == null) {
            return false;
        }
        if (tenant.equals(lower) && tenant.equals(upper)) {
            return true;
        }
        return tenant.length() > lower.length()
                && tenant.startsWith(lower)
                && upper.length() == lower.length()
                && tenant.compareTo(upper) < 0;
    }

    private static int tenantPosition(Table table) {
        var fields = table.spec().fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals("tenant_id")) {
                return i;
            }
        }
        throw new IllegalStateException(table.name() + " is not partitioned by tenant_id");
    }

    private static String bound(Map<Integer, java.nio.ByteBuffer> bounds, int column) {
        java.nio.ByteBuffer b = bounds == null ? null : bounds.get(column);
        return b == null ? null : Conversions.fromByteBuffer(Types.StringType.get(), b).toString();
    }
}
