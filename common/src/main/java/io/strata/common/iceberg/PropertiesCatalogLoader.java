package io.strata.common.iceberg;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.CatalogLoader;

/**
 * Loads any catalog Iceberg knows by {@code type} or {@code catalog-impl}, from plain properties:
 * serializable without a Hadoop configuration, which is rebuilt where the catalog is loaded.
 */
final class PropertiesCatalogLoader implements CatalogLoader {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final Map<String, String> properties;

    PropertiesCatalogLoader(String name, Map<String, String> properties) {
        this.name = name;
        this.properties = Map.copyOf(properties);
    }

    @Override
    public Catalog loadCatalog() {
        return CatalogUtil.buildIcebergCatalog(name, properties, new Configuration());
    }

    @Override
    @SuppressWarnings({"checkstyle:NoClone", "checkstyle:SuperClone"})
    public CatalogLoader clone() {
        return new PropertiesCatalogLoader(name, properties);
    }

    @Override
    public String toString() {
        return "PropertiesCatalogLoader{name=" + name + ", type=" + properties.get("type") + "}";
    }
}
