package io.strata.workload.truth;

/** The envelope's {@code op}. */
public enum Op {
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete");

    private final String wireName;

    Op(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
