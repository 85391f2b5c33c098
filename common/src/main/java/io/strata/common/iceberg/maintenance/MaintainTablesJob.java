package io.strata.common.iceberg.maintenance;

import io.strata.common.flink.JobConfig;
import io.strata.common.iceberg.IcebergCatalogs;
import java.time.Clock;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Preconditions;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Compacts and expires Iceberg tables, one bounded Flink job per table: {@code flink run -c
 * io.strata.common.iceberg.maintenance.MaintainTablesJob <any job jar> --config F --maintain.tables
 * bronze.events;bronze.quarantine}. Runs attached (one job after another).
 */
public final class MaintainTablesJob {

    private MaintainTablesJob() {}

    public static void main(String[] args) throws Exception {
        Configuration config = JobConfig.fromArgs(args);
        List<String> tables = config.get(MaintenanceOptions.TABLES);
        Preconditions.checkArgument(
                tables != null && !tables.isEmpty(),
                "Name the tables to maintain with --%s, e.g. bronze.events;bronze.quarantine",
                MaintenanceOptions.TABLES.key());
        CompactAndExpire maintenance =
                new CompactAndExpire(
                        config.get(MaintenanceOptions.TARGET_FILE_SIZE),
                        config.get(MaintenanceOptions.SNAPSHOT_RETENTION),
                        config.get(MaintenanceOptions.RETAIN_LAST),
                        Clock.systemUTC());
        Catalog catalog = IcebergCatalogs.load(config);
        for (String name : tables) {
            TableIdentifier id = TableIdentifier.parse(name);
            Preconditions.checkArgument(catalog.tableExists(id), "No table %s in the catalog", id);
            // A plain batch environment: the rewrite action's own operators have no Strata uids.
            Configuration jobConf = new Configuration(config);
            jobConf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(jobConf);
            System.out.println(maintenance.run(env, catalog.loadTable(id)));
        }
    }
}
