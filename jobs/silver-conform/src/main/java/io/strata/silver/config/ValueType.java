package io.strata.silver.config;

import io.strata.silver.config.CanonicalField.Kind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The coercions a rule can declare with {@code type:}; each fits some canonical field kinds. */
public enum ValueType {
    STRING(EnumSet.of(Kind.STRING)),
    INT(EnumSet.of(Kind.INT, Kind.LONG)),
    LONG(EnumSet.of(Kind.INT, Kind.LONG)),
    DECIMAL(EnumSet.of(Kind.DECIMAL)),
    TIMESTAMP(EnumSet.of(Kind.TIMESTAMP)),
    BOOLEAN(EnumSet.of(Kind.BOOLEAN)),
    DOUBLE(EnumSet.of(Kind.DOUBLE));

    private final Set<Kind> fits;

    ValueType(Set<Kind> fits) {
        this.fits = fits;
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean fits(Kind kind) {
        return fits.contains(kind);
    }

    /** The coercion a field of this kind gets when its rule declares no type. */
    public static ValueType inferredFor(Kind kind) {
        return switch (kind) {
            case STRING -> STRING;
            case INT -> INT;
            case LONG -> LONG;
            case DECIMAL -> DECIMAL;
            case TIMESTAMP -> TIMESTAMP;
            case BOOLEAN -> BOOLEAN;
            case DOUBLE -> DOUBLE;
            case UNSUPPORTED -> null;
        };
    }

    public static ValueType byYamlName(String name) {
        for (ValueType t : values()) {
            if (t.yamlName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    public static String yamlNames() {
        return Arrays.stream(values()).map(ValueType::yamlName).collect(Collectors.joining(", "));
    }
}
