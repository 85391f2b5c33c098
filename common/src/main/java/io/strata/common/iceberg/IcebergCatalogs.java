package io.strata.common.iceberg;

import io.strata.common.config.StrataOptions;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.CatalogLoader;

/**
 * Builds the Iceberg catalog from configuration, the same way Flink SQL's {@code CREATE CATALOG}
 * does, so a Hadoop warehouse, a JDBC or a REST catalog is a configuration change.
 */
public final class IcebergCatalogs {

    private IcebergCatalogs() {}

    /** The catalog properties: every {@code strata.iceberg.catalog.*} key without the prefix. */
    public static Map<String, String> properties(ReadableConfig config) {
        Map<String, String> props = new HashMap<>();
        props.put("type", config.get(StrataOptions.ICEBERG_CATALOG_TYPE));
        props.put("warehouse", config.get(StrataOptions.ICEBERG_WAREHOUSE));
        config.toMap().entrySet().stream()
                .filter(e -> e.getKey().startsWith(StrataOptions.ICEBERG_CATALOG_PREFIX))
                .forEach(
                        e ->
                                props.put(
                                        e.getKey()
                                                .substring(
                                                        StrataOptions.ICEBERG_CATALOG_PREFIX
                                                                .length()),
                                        e.getValue()));
        return props;
    }

    /** A serializable loader, for sinks and sources running on the cluster. */
    public static CatalogLoader loader(ReadableConfig config) {
        return new PropertiesCatalogLoader(
                config.get(StrataOptions.ICEBERG_CATALOG_NAME), properties(config));
    }

    /** A catalog for use on the client (creating tables before the job starts). */
    public static Catalog load(ReadableConfig config) {
        return loader(config).loadCatalog();
    }
}
