package io.strata.silver.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.common.config.StrataOptions;
import io.strata.common.iceberg.IcebergCatalogs;
import io.strata.silver.config.CanonicalEntity;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Silver tables as analysts read them: Flink SQL through Iceberg's catalog plans a query over
 * every entity's table, including one created with the earlier layout (nested identifier fields and
 * identity partition, which Flink refuses as primary and partition keys), which the job moves to
 * the current one.
 */
class SilverTablesSqlTest {

    @TempDir Path warehouse;

    @Test
    void flinkSqlPlansAQueryOverEveryEntitysTable() {
        Configuration config = config();
        Catalog catalog = IcebergCatalogs.load(config);
        for (CanonicalEntity entity : CanonicalEntity.values()) {
            Table table = SilverTables.entity(catalog, config, entity);
            assertThat(table.schema().identifierFieldIds()).as(entity.entityName()).isEmpty();
        }

        TableEnvironment sql = session(config);
        for (CanonicalEntity entity : CanonicalEntity.values()) {
            assertThat(
                            sql.explainSql(
                                    "SELECT meta.tenant_id, COUNT(*) FROM strata.silver.`"
                                            + entity.entityName()
                                            + "` GROUP BY meta.tenant_id"))
                    .as(entity.entityName())
                    .contains("strata, silver, " + entity.entityName());
        }
    }

    @Test
    void aTableOfTheEarlierLayoutIsMovedToOneFlinkSqlReads() {
        Configuration config = config();
        Catalog catalog = IcebergCatalogs.load(config);
        CanonicalEntity order = CanonicalEntity.ORDER;
        Schema derived = SilverTables.schema(order);
        Schema keyed =
                new Schema(
                        derived.columns(),
                        Set.of(
                                derived.findField(SilverTables.TENANT_COLUMN).fieldId(),
                                derived.findField("order_key").fieldId()));
        catalog.createTable(
                SilverTables.id(config, order),
                keyed,
                PartitionSpec.builderFor(keyed)
                        .identity(SilverTables.TENANT_COLUMN, "tenant_id")
                        .build(),
                Map.of("format-version", "2"));

        Table table = SilverTables.entity(catalog, config, order);

        assertThat(table.schema().identifierFieldIds()).isEmpty();
        assertThat(table.spec().fields())
                .singleElement()
                .satisfies(f -> assertThat(f.transform().toString()).isEqualTo("truncate[256]"));
        assertThat(session(config).explainSql("SELECT order_key FROM strata.silver.`order`"))
                .contains("strata, silver, order");
    }

    private Configuration config() {
        Configuration config = new Configuration();
        config.set(StrataOptions.ICEBERG_WAREHOUSE, warehouse.toUri().toString());
        return config;
    }

    private static TableEnvironment session(Configuration config) {
        TableEnvironment sql = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        sql.executeSql(
                String.format(
                        "CREATE CATALOG strata WITH ('type' = 'iceberg', 'catalog-type' = 'hadoop',"
                                + " 'warehouse' = '%s')",
                        config.get(StrataOptions.ICEBERG_WAREHOUSE)));
        return sql;
    }
}
