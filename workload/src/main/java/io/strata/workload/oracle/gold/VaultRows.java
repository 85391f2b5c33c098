package io.strata.workload.oracle.gold;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The expected rows of the Data Vault tables ({@code docs/gold.md}), one record per table shape,
 * components in the table's column order. Times are instants (Iceberg timestamps), amounts have
 * scale 2, {@code record_source} is the Silver topic ({@code silver.order}) or {@code SYSTEM} for
 * ghost rows.
 */
public final class VaultRows {

    private VaultRows() {}

    /**
     * A row of {@code hub_customer}, {@code hub_product} or {@code hub_order}: {@code <hub>_hk,
     * tenant_id, <hub>_key, load_time, record_source}.
     */
    public record HubRow(
            String hashKey,
            String tenantId,
            String businessKey,
            Instant loadTime,
            String recordSource) {}

    /** A row of {@code link_customer_order}. */
    public record CustomerOrderLink(
            String customerOrderHk,
            String customerHk,
            String orderHk,
            String tenantId,
            Instant loadTime,
            String recordSource) {}

    /** A row of {@code link_order_product}. */
    public record OrderProductLink(
            String orderProductHk,
            String orderHk,
            String productHk,
            String tenantId,
            Instant loadTime,
            String recordSource) {}

    /** A row of {@code sat_customer_details}. */
    public record CustomerDetails(
            String customerHk,
            Instant loadTime,
            String hashDiff,
            String recordSource,
            String name,
            String email,
            String phone,
            String segment,
            String city,
            String country,
            Instant createdAt,
            boolean deleted) {}

    /** A row of {@code sat_product_details}. */
    public record ProductDetails(
            String productHk,
            Instant loadTime,
            String hashDiff,
            String recordSource,
            String name,
            String category,
            BigDecimal unitPrice,
            String currency,
            boolean deleted) {}

    /** A row of {@code sat_order_header}. */
    public record OrderHeader(
            String orderHk,
            Instant loadTime,
            String hashDiff,
            String recordSource,
            Instant orderTime,
            String status,
            String channel,
            String currency,
            BigDecimal totalAmount,
            boolean deleted) {}
}
