package io.strata.common.lineage;

import java.io.Serializable;
import java.net.URI;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * A dataset as OpenLineage names it (spec/Naming.md): a Kafka topic is {@code kafka://host:port}
 * (the first bootstrap server) and the topic; an Iceberg table is the scheme and authority of its
 * location and the location's path, the table's default location under the warehouse ({@code
 * <warehouse>/<namespace>/<table>}, as the Hadoop catalog and most REST catalogs place tables).
 */
public record LineageDataset(String namespace, String name) implements Serializable {

    /** A topic on the cluster of {@code bootstrapServers}. */
    public static LineageDataset kafka(String bootstrapServers, String topic) {
        String first = bootstrapServers.split(",")[0].trim();
        return new LineageDataset("kafka://" + first, topic);
    }

    /**
     * A Postgres table, named as OpenLineage's naming spec does: {@code postgres://host:port} and
     * {@code database.schema.table}.
     */
    public static LineageDataset postgres(
            String host, int port, String database, String schemaTable) {
        return new LineageDataset("postgres://" + host + ":" + port, database + "." + schemaTable);
    }

    /** A table of the catalog whose warehouse is {@code warehouse}. */
    public static LineageDataset iceberg(String warehouse, TableIdentifier table) {
        URI uri = URI.create(warehouse.endsWith("/") ? warehouse : warehouse + "/");
        String path = uri.getPath() + String.join("/", table.namespace().levels());
        String name = path + "/" + table.name();
        String namespace =
                uri.getAuthority() == null
                        ? uri.getScheme()
                        : uri.getScheme() + "://" + uri.getAuthority();
        return new LineageDataset(namespace, uri.getAuthority() == null ? name : trim(name));
    }

    private static String trim(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
