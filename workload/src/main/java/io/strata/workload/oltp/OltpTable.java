package io.strata.workload.oltp;

import java.util.List;

/**
 * The OLTP tables as the generator writes them; mirrors {@code oltp/schema.sql}. The first {@code
 * keyColumns} columns form the primary key.
 */
public enum OltpTable {
    TENANTS(
            "tenants",
            1,
            text("tenant_id"),
            text("display_name"),
            text("plan"),
            text("region"),
            col("settings", ColumnType.JSONB),
            col("active", ColumnType.BOOLEAN),
            time("created_at"),
            time("updated_at")),
    CUSTOMERS(
            "customers",
            2,
            text("tenant_id"),
            col("customer_id", ColumnType.BIGINT),
            text("external_ref"),
            text("full_name"),
            text("email"),
            text("phone"),
            text("segment"),
            text("city"),
            text("country_code"),
            col("credit_limit", ColumnType.NUMERIC),
            col("marketing_opt_in", ColumnType.BOOLEAN),
            col("attributes", ColumnType.JSONB),
            time("created_at"),
            time("updated_at")),
    PRODUCTS(
            "products",
            2,
            text("tenant_id"),
            col("product_id", ColumnType.BIGINT),
            text("sku"),
            text("name"),
            text("category"),
            col("unit_price", ColumnType.NUMERIC),
            text("currency"),
            col("active", ColumnType.BOOLEAN),
            col("attributes", ColumnType.JSONB),
            time("created_at"),
            time("updated_at")),
    PRICE_LISTS(
            "price_lists",
            2,
            text("tenant_id"),
            col("price_list_id", ColumnType.BIGINT),
            col("product_id", ColumnType.BIGINT),
            text("list_name"),
            text("currency"),
            col("price", ColumnType.NUMERIC),
            col("min_quantity", ColumnType.INTEGER),
            time("valid_from"),
            time("valid_to"),
            time("updated_at"));

    /** The Postgres schema holding the tables. */
    public static final String SCHEMA = "platform";

    /** SQL column types and the Java type of their values in rows. */
    public enum ColumnType {
        /** String. */
        TEXT,
        /** Long. */
        BIGINT,
        /** Integer. */
        INTEGER,
        /** BigDecimal with scale 2. */
        NUMERIC,
        /** Boolean. */
        BOOLEAN,
        /** Instant (whole seconds). */
        TIMESTAMPTZ,
        /** Jackson JsonNode. */
        JSONB
    }

    public record Column(String name, ColumnType type) {}

    private final String tableName;
    private final int keyColumns;
    private final List<Column> columns;

    OltpTable(String tableName, int keyColumns, Column... columns) {
        this.tableName = tableName;
        this.keyColumns = keyColumns;
        this.columns = List.of(columns);
    }

    public String tableName() {
        return tableName;
    }

    /** {@code platform.<table>}. */
    public String qualifiedName() {
        return SCHEMA + "." + tableName;
    }

    public int keyColumns() {
        return keyColumns;
    }

    public List<Column> columns() {
        return columns;
    }

    private static Column col(String name, ColumnType type) {
        return new Column(name, type);
    }

    private static Column text(String name) {
        return col(name, ColumnType.TEXT);
    }

    private static Column time(String name) {
        return col(name, ColumnType.TIMESTAMPTZ);
    }
}
