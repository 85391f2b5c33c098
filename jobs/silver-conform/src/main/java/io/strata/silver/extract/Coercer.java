package io.strata.silver.extract;

/** Turns a non-null raw value into the canonical Java value of a field, or refuses it. */
interface Coercer {

    Object coerce(Object raw) throws Tier1Failure;

    static Tier1Failure cannot(Object raw, String as) {
        return Tier1Failure.coercion("cannot read " + Scalars.describe(raw) + " as " + as);
    }
}
