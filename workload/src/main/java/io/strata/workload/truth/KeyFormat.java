package io.strata.workload.truth;

/**
 * How a tenant's source system numbers one kind of business object: a prefix and zero-padded
 * sequence ({@code SO-0000042}), or a bare number from a base ({@code 9007199254741035}).
 */
public record KeyFormat(String prefix, int width, long numericBase) {

    /** How far a numeric format's platform key space lies above its own. */
    static final long PLATFORM_NUMERIC_OFFSET = 1_000_000_000L;

    public static KeyFormat padded(String prefix, int width) {
        return new KeyFormat(prefix, width, -1);
    }

    /** Plain numbers starting at {@code base}; rendered as JSON numbers by the tenant. */
    public static KeyFormat numeric(long base) {
        return new KeyFormat("", 0, base);
    }

    public boolean isNumeric() {
        return numericBase >= 0;
    }

    /**
     * The same kind of key in a key space of its own, for the objects the platform's OLTP tables
     * number rather than the tenant's system: {@code "P"} in front of the prefix ({@code C-000042}
     * becomes {@code PC-000042}), or numbers from a base {@value #PLATFORM_NUMERIC_OFFSET} higher
     * (distinct while the tenant numbers fewer objects than that).
     */
    public KeyFormat platform() {
        return isNumeric()
                ? numeric(numericBase + PLATFORM_NUMERIC_OFFSET)
                : padded("P" + prefix, width);
    }

    public String format(long sequence) {
        if (isNumeric()) {
            return Long.toString(numericBase + sequence);
        }
        String digits = Long.toString(sequence);
        StringBuilder sb = new StringBuilder(prefix.length() + Math.max(width, digits.length()));
        sb.append(prefix);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }
}
