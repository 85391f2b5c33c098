package io.strata.registry.service;

/** A version path segment: a number in [1, 2^31-1], or {@code latest} (also spelled -1). */
record VersionRef(int number) {

    static final VersionRef LATEST = new VersionRef(-1);

    boolean isLatest() {
        return number == -1;
    }

    static VersionRef parse(String text) {
        if ("latest".equalsIgnoreCase(text)) {
            return LATEST;
        }
        try {
            int number = Integer.parseInt(text);
            if (number == -1 || number >= 1) {
                return new VersionRef(number);
            }
        } catch (NumberFormatException e) {
            // Falls through to Confluent's error.
        }
        throw RegistryException.invalidVersion(text);
    }
}
