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
        return CatalogUtil.buildIcebergCatalog(name, properties, hadoopConfiguration());
    }

    /**
     * The Hadoop configuration catalogs and their file IO get: Hadoop's defaults, with {@code
     * file://} served by {@link ForklessLocalFileSystem}. Not from Hadoop's cache of file systems,
     * which is keyed by scheme alone: whatever asked for {@code file://} first in the class loader
     * (a configuration without this one, in a test JVM or a job's client) would decide for all.
     */
    static Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", ForklessLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
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
