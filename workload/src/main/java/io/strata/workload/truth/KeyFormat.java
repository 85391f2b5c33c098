package io.strata.workload.truth;

/**
 * How a tenant's source system numbers one kind of business object: a prefix and zero-padded
 * sequence ({@code SO-0000042}), or a bare number from a base ({@code 9007199254741035}).
 */
public record KeyFormat(String prefix, int width, long numericBase) {

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
