package io.strata.workload.truth;

import java.util.List;

/**
 * What the generator must know about one simulated tenant's source system to produce its truth: key
 * formats, currency, the precision of its clocks, guest customers, and its schema versions. How the
 * tenant shapes its payloads lives in its renderer ({@code io.strata.workload.render}).
 *
 * @param timePrecisionMillis all of the tenant's timestamps are multiples of this (1000 when the
 *     tenant renders epoch seconds or second-precision patterns, so rendering stays lossless)
 * @param guestShare share of customers that check out as guests: no id, keyed by email
 * @param schemaVersions versions in the order the tenant adopted them
 * @param cutoverFraction where in the run's event-time span the tenant switches to its next schema
 *     version (only used with several versions)
 * @param lineStep line numbers are {@code step, 2*step, ...}
 */
public record TenantProfile(
        String id,
        String currency,
        long timePrecisionMillis,
        double guestShare,
        List<String> schemaVersions,
        double cutoverFraction,
        int lineStep,
        double weight,
        KeyFormat customerKeys,
        KeyFormat productKeys,
        KeyFormat orderKeys,
        KeyFormat invoiceKeys,
        KeyFormat shipmentKeys,
        KeyFormat returnKeys,
        KeyFormat ticketKeys) {

    /**
     * Keys of the customers in the platform's OLTP table ({@code platform.customers.external_ref}):
     * apart from the webhook customers' keys, so the CDC path and the webhooks never write the same
     * Silver customer.
     */
    public KeyFormat platformCustomerKeys() {
        return customerKeys.platform();
    }

    /** Keys of the products in the platform's OLTP table ({@code platform.products.sku}). */
    public KeyFormat platformProductKeys() {
        return productKeys.platform();
    }

    /** Truncates a time to this tenant's precision. */
    public long truncate(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, timePrecisionMillis);
    }
}
