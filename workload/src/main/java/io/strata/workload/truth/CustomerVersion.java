package io.strata.workload.truth;

/**
 * One customer's attributes, valid from {@code validFrom} until the next version. Canonical values:
 * the email is trimmed and lower-case, the segment one of gold/silver/bronze.
 *
 * @param key the business key: the tenant's customer id, or the email for a guest
 * @param id the tenant's customer id, null for a guest
 * @param createdAt customer-since time in epoch millis, or {@link #NONE} for a guest
 */
public record CustomerVersion(
        String key,
        String id,
        String name,
        String email,
        String phone,
        String segment,
        String city,
        String country,
        long createdAt,
        long validFrom) {

    public static final long NONE = Long.MIN_VALUE;

    public boolean guest() {
        return id == null;
    }
}
