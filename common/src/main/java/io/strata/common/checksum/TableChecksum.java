package io.strata.common.checksum;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The checksum of one table as read at one version: per tenant and in total, with the columns left
 * out.
 *
 * @param status whether the table could be read (and split by tenant when one was asked for)
 * @param detail why not, for people; null when read
 * @param byTenant whether the rows could be attributed to tenants
 * @param tenants per tenant, in tenant order; empty when not by tenant
 * @param total all rows read (only the asked tenant's with a tenant filter)
 * @param excluded the excluded columns the table has
 * @param tenantFilter the only tenant read, or null for all
 */
public record TableChecksum(
        TableIdentifier table,
        TableVersion version,
        Status status,
        String detail,
        boolean byTenant,
        SortedMap<String, Checksum> tenants,
        Checksum total,
        List<String> excluded,
        String tenantFilter) {

    /** The line of a table's total, after its tenants. */
    public static final String ALL = "(all)";

    /** The tenant of rows whose tenant column is null (e.g. unattributable quarantine). */
    public static final String NULL_TENANT = "(null)";

    /** The tenant of satellite rows whose hash key is in no hub row. */
    public static final String NO_HUB_ROW = "(no hub row)";

    /** Whether the table was read. */
    public enum Status {
        READ,
        /** No such table, branch, tag or snapshot. */
        MISSING,
        /** A tenant was asked for, but the table's rows name no tenant. */
        NOT_BY_TENANT
    }

    public TableChecksum {
        tenants = new TreeMap<>(tenants);
        excluded = List.copyOf(excluded);
    }

    static TableChecksum missing(TableIdentifier table, TableVersion version, String detail) {
        return new TableChecksum(
                table,
                version,
                Status.MISSING,
                detail,
                false,
                new TreeMap<>(),
                Checksum.EMPTY,
                List.of(),
                null);
    }

    static TableChecksum notByTenant(TableIdentifier table, TableVersion version, String tenant) {
        return new TableChecksum(
                table,
                version,
                Status.NOT_BY_TENANT,
                "its rows name no tenant",
                false,
                new TreeMap<>(),
                Checksum.EMPTY,
                List.of(),
                tenant);
    }

    /**
     * The lines to show: each tenant, then {@link #ALL} for the whole table (not when one tenant
     * was asked for, whose line is the whole read). Empty unless {@link Status#READ}.
     */
    public Map<String, Checksum> lines() {
        Map<String, Checksum> lines = new LinkedHashMap<>();
        if (status != Status.READ) {
            return lines;
        }
        lines.putAll(tenants);
        if (tenantFilter == null) {
            lines.put(ALL, total);
        } else {
            lines.putIfAbsent(tenantFilter, Checksum.EMPTY);
        }
        return lines;
    }
}
