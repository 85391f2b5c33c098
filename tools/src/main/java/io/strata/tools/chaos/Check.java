package io.strata.tools.chaos;

import java.util.Objects;

/** One comparison of a layer's content with the oracle: what was compared, expected and found. */
record Check(String layer, String what, Object expected, Object actual) {

    boolean passed() {
        return Objects.equals(expected, actual);
    }
}
