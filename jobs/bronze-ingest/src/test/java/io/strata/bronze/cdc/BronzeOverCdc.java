package io.strata.bronze.cdc;

import io.strata.bronze.BronzeIngestOptions;
import io.strata.bronze.BronzeIngestTopology;
import io.strata.bronze.TenantControls;
import io.strata.bronze.sink.BronzeTables;
import io.strata.bronze.sink.IcebergBronzeSinks;
import io.strata.common.config.StrataOptions;
import io.strata.common.flink.StrataEnvironment;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.common.kafka.KafkaSources;
import io.strata.model.bronze.Operation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** bronze-ingest's topology as a library: a bounded run over CDC topics into Iceberg Bronze. */
final class BronzeOverCdc {

    private BronzeOverCdc() {}

    static Configuration config(String bootstrapServers, Path warehouse) {
        Configuration c = new Configuration();
        c.set(StrataOptions.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers);
        c.set(StrataOptions.ICEBERG_WAREHOUSE, warehouse.toUri().toString());
        c.set(StrataOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        c.set(BronzeIngestOptions.KAFKA_OUTPUT_ENABLED, false);
        return c;
    }

    /** Reads the topics matching {@code topics} from the start to their current end. */
    static void run(Configuration config, String topics, String group) throws Exception {
        StreamExecutionEnvironment env = StrataEnvironment.create(config);
        env.setParallelism(1);
        new BronzeIngestTopology(
                        config,
                        KafkaSources.rawRecords(
                                        config,
                                        Pattern.compile(topics),
                                        group,
                                        OffsetsInitializer.earliest(),
                                        Duration.ofMinutes(1))
                                .setBounded(OffsetsInitializer.latest())
                                .build(),
                        TenantControls.bounded(config, group),
                        new IcebergBronzeSinks(config))
                .build(env);
        env.execute("bronze-ingest-over-cdc");
    }

    static List<Record> events(Configuration config) throws Exception {
        return read(config, BronzeTables.eventsId(config));
    }

    static List<Record> quarantine(Configuration config) throws Exception {
        return read(config, BronzeTables.quarantineId(config));
    }

    /** {@code topic@offset} of a Bronze row. */
    static String position(Record row) {
        Record source = (Record) row.getField("source");
        return source.getField("topic") + "@" + source.getField("offset");
    }

    /** Bronze's op for a Debezium op. */
    static String operation(String debeziumOp) {
        return switch (debeziumOp) {
            case "r" -> Operation.SNAPSHOT.name();
            case "c" -> Operation.CREATE.name();
            case "u" -> Operation.UPDATE.name();
            case "d" -> Operation.DELETE.name();
            default -> throw new IllegalArgumentException(debeziumOp);
        };
    }

    private static List<Record> read(Configuration config, TableIdentifier id) throws Exception {
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> it =
                IcebergGenerics.read(IcebergCatalogs.load(config).loadTable(id)).build()) {
            it.forEach(r -> rows.add(r.copy()));
        }
        return rows;
    }
}
