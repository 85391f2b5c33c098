package io.strata.silver.config;

/**
 * Where in a tenant configuration something is: the file and line, and the logical path a person
 * reads (tenant, schema version, record type, entity, field). Unknown parts are null.
 *
 * <p>Rendered as {@code schemas/tenants/acme.yaml:42: acme 1.0 sales_order → order.total_amount}.
 */
public record ConfigLocation(
        String file,
        int line,
        String tenant,
        String version,
        String recordType,
        String entity,
        String field) {

    /** The start of a file, before its tenant is known. */
    public static ConfigLocation ofFile(String file) {
        return new ConfigLocation(file, 0, null, null, null, null, null);
    }

    public ConfigLocation atLine(int l) {
        return new ConfigLocation(file, l, tenant, version, recordType, entity, field);
    }

    public ConfigLocation tenant(String t) {
        return new ConfigLocation(file, line, t, version, recordType, entity, field);
    }

    public ConfigLocation version(String v) {
        return new ConfigLocation(file, line, tenant, v, recordType, entity, field);
    }

    public ConfigLocation recordType(String r) {
        return new ConfigLocation(file, line, tenant, version, r, entity, field);
    }

    public ConfigLocation entity(String e) {
        return new ConfigLocation(file, line, tenant, version, recordType, e, field);
    }

    public ConfigLocation field(String f) {
        return new ConfigLocation(file, line, tenant, version, recordType, entity, f);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file == null ? "<config>" : file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        StringBuilder logical = new StringBuilder();
        append(logical, tenant);
        append(logical, version);
        append(logical, recordType);
        if (entity != null) {
            logical.append(logical.length() > 0 ? " → " : "").append(entity);
            if (field != null) {
                logical.append('.').append(field);
            }
        } else if (field != null) {
            logical.append(logical.length() > 0 ? " → " : "").append(field);
        }
        if (logical.length() > 0) {
            sb.append(": ").append(logical);
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String part) {
        if (part != null) {
            sb.append(sb.length() > 0 ? " " : "").append(part);
        }
    }
}
